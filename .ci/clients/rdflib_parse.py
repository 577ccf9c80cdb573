"""Parses documents of the live server with Debian's rdflib (python3-rdflib), refusing every request off loopback.

Input: argv[1], JSON [{"url", "accept", "format": an rdflib parser name, "gzip": bool}]. Output: JSON, one entry per
document: its triples or quads as N-Quads (rdflib's own serializer), or the error rdflib raised.
"""
import gzip
import json
import sys
import urllib.parse
import urllib.request

import rdflib

# By default rdflib rewrites literals to its own canonical lexical form (an xsd:dateTime's "Z" becomes "+00:00",
# its nanoseconds are cut to microseconds); the test compares terms exactly, so lexical forms are kept as sent.
rdflib.NORMALIZE_LITERALS = False

real_urlopen = urllib.request.urlopen


def loopback_only(url, *args, **kwargs):
    target = url.full_url if isinstance(url, urllib.request.Request) else url
    if urllib.parse.urlparse(target).hostname != "127.0.0.1":
        raise RuntimeError("network refused: " + target)
    return real_urlopen(url, *args, **kwargs)


urllib.request.urlopen = loopback_only

out = []
for job in json.loads(sys.argv[1]):
    entry = {"url": job["url"], "format": job["format"], "rdflib": rdflib.__version__}
    try:
        with loopback_only(urllib.request.Request(job["url"], headers={"Accept": job["accept"]})) as res:
            entry["type"] = res.headers.get("Content-Type")
            body = res.read()
        if job.get("gzip"):
            body = gzip.decompress(body)
        dataset = rdflib.ConjunctiveGraph()
        dataset.parse(data=body, format=job["format"], publicID=job["url"])
        entry["nquads"] = dataset.serialize(format="nquads")
    except Exception as e:  # the test reports what rdflib said
        entry["error"] = type(e).__name__ + ": " + str(e)
    out.append(entry)
sys.stdout.write(json.dumps(out))
