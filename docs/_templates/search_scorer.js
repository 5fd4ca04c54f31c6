// Sphinx inlines this after its search tools (html_search_scorer). An object of the
// generated low-level clients' pages comes after the hand-written API's objects when
// those define the same name (update_candidate: the client's method before the generated
// module), which is what a reader searching for an operation means. A name only the
// generated clients define (AuthenticatedClient) keeps its score, ahead of the pages that
// merely mention it.
let handWrittenNames = null; // the last dotted part of each hand-written page's object

function lastPart(name) {
  return name.split(".").pop().toLowerCase();
}

function generated(docname) {
  return docname.startsWith("reference/api-");
}

Scorer.score = (result) => {
  const [docname, name, , , score, , kind] = result;
  if (kind !== "object" || !generated(docname)) return score;
  if (handWrittenNames === null) {
    const { docnames, objects } = Search._index;
    handWrittenNames = new Set();
    for (const [prefix, entries] of Object.entries(objects)) {
      for (const entry of entries) {
        if (!generated(docnames[entry[0]])) {
          handWrittenNames.add(lastPart(prefix ? `${prefix}.${entry[4]}` : entry[4]));
        }
      }
    }
  }
  return handWrittenNames.has(lastPart(name)) ? score - 30 : score;
};
