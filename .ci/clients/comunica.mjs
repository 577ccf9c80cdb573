// Runs SPARQL queries with Comunica over the sources a test names, refusing every request that leaves loopback.
// Input (argv[2]): JSON [{ "name", "sources": [url | {type, value}], "query" }]. Output: JSON, one entry per query,
// with its N-Triples-like terms (SELECT: rows of {var: term}; CONSTRUCT: quads as N-Quads lines) and the
// Content-Type of every response Comunica read.
const seen = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input.url ?? String(input));
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error(`network refused: ${url}`);
  const res = await realFetch(input, init);
  const headers = new Headers(init?.headers ?? (typeof input === 'object' ? input.headers : undefined));
  seen.push({ url: String(url), accept: headers.get('accept'), status: res.status, type: res.headers.get('content-type'),
    encoding: res.headers.get('content-encoding') });
  return res;
};
const { QueryEngine } = await import('@comunica/query-sparql');
const { Writer } = await import('n3');
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const literal = t => JSON.stringify(t.value) + (t.language ? `@${t.language}` : t.datatype.value === XSD_STRING ? '' : `^^<${t.datatype.value}>`);
const term = t => t.termType === 'Literal' ? literal(t) : t.termType === 'BlankNode' ? `_:${t.value}` : `<${t.value}>`;
const engine = new QueryEngine();
const out = [];
for (const job of JSON.parse(process.argv[2])) {
  seen.length = 0;
  const entry = { name: job.name };
  try {
    const result = await engine.query(job.query, { sources: job.sources, lenient: false, noCache: true });
    if (result.resultType === 'bindings') {
      entry.rows = (await (await result.execute()).toArray()).map(b => Object.fromEntries([...b].map(([v, t]) => [v.value, term(t)])));
    } else if (result.resultType === 'quads') {
      entry.nquads = new Writer({ format: 'N-Quads' }).quadsToString(await (await result.execute()).toArray());
    }
  } catch (e) {
    entry.error = String(e && e.message || e);
  }
  entry.responses = [...seen];
  out.push(entry);
}
process.stdout.write(JSON.stringify(out));
