// For each document path, reads its JSON-LD with jsonld.js (safe mode, every remote document refused) and its
// Turtle with N3.js, canonicalizes both with rdf-canonize (RDFC-1.0) and says whether they are the same graph.
// Input: argv[2] the server's base URL, argv[3] JSON list of paths. Output: JSON, one entry per path.
import jsonld from 'jsonld';
import canonize from 'rdf-canonize';
import { Parser, Writer } from 'n3';

const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input.url ?? String(input));
  if (url.hostname !== '127.0.0.1') throw new Error(`network refused: ${url}`);
  return realFetch(input, init);
};
const documentLoader = async url => { throw new Error(`remote document refused: ${url}`); };
const canon = nquads => canonize.canonize(nquads, { algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads' });
const get = async (url, accept) => {
  const res = await fetch(url, { headers: { accept } });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return { type: res.headers.get('content-type'), body: await res.text() };
};

const [base, paths] = [process.argv[2], JSON.parse(process.argv[3])];
const out = [];
for (const path of paths) {
  const entry = { path };
  try {
    const json = await get(new URL(path, base), 'application/ld+json');
    const ttl = await get(new URL(path, base), 'text/turtle');
    entry.types = [json.type, ttl.type];
    const fromJsonLd = await jsonld.toRDF(JSON.parse(json.body), { format: 'application/n-quads', documentLoader, safe: true });
    const fromTurtle = new Writer({ format: 'N-Quads' }).quadsToString(new Parser({ format: 'text/turtle' }).parse(ttl.body));
    const [a, b] = [await canon(fromJsonLd), await canon(fromTurtle)];
    entry.quads = [a.split('\n').length - 1, b.split('\n').length - 1];
    entry.same = a === b;
    if (!entry.same) {
      const [la, lb] = [new Set(a.split('\n')), new Set(b.split('\n'))];
      entry.onlyJsonLd = [...la].filter(l => !lb.has(l)).slice(0, 5);
      entry.onlyTurtle = [...lb].filter(l => !la.has(l)).slice(0, 5);
    }
  } catch (e) {
    entry.error = String(e && e.message || e);
  }
  out.push(entry);
}
process.stdout.write(JSON.stringify(out));
