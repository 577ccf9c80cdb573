"""Parses documents of the live server with Debian's rdflib (python3-rdflib), refusing every request off loopback.

Input: argv[1], JSON [{"url", "accept", "format": an rdflib parser name, "gzip": bool}]. Output: JSON, one entry per
document: its triples or quads as N-Quads (rdflib's own serializer), or the error rdflib raised.
"""
import gzip
import json
import socket
import sys
import urllib.request

import rdflib

# By default rdflib rewrites literals to its own canonical lexical form (an xsd:dateTime's "Z" becomes "+00:00",
# its nanoseconds are cut to microseconds); the test compares terms exactly, so lexical forms are kept as sent.
rdflib.NORMALIZE_LITERALS = False

real_getaddrinfo = socket.getaddrinfo


def loopback_only(host, *args, **kwargs):
    # Below every library's own HTTP code (rdflib binds urlopen at import): no name but loopback resolves.
    if host not in ("127.0.0.1", "localhost", b"127.0.0.1", b"localhost"):
        raise OSError("network refused: " + str(host))
    return real_getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = loopback_only

out = []
for job in json.loads(sys.argv[1]):
    entry = {"url": job["url"], "format": job["format"], "rdflib": rdflib.__version__}
    try:
        with urllib.request.urlopen(urllib.request.Request(job["url"], headers={"Accept": job["accept"]})) as res:
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
