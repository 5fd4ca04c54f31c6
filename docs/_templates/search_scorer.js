// Sphinx inlines this after its search tools (html_search_scorer). What the pages of the
// generated low-level clients hold comes after the hand-written API's, which is what a
// reader searching for an operation means (update_candidate: the client's method before
// the generated module; list_offers: before models.list_offers_kind). Spared is a
// generated object named exactly as searched (its dotted name's last part, as a word of
// the query) that no hand-written page defines (AuthenticatedClient), which stays ahead
// of the pages that merely mention it.
let handWrittenNames = null; // the last dotted part of each hand-written page's object

function lastPart(name) {
  return name.split(".").pop().toLowerCase();
}

function generated(docname) {
  return docname.startsWith("reference/api-");
}

function definedByHand(name) {
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
  return handWrittenNames.has(name);
}

// The last dotted part of each word searched: "client.AuthenticatedClient personio"
// asks for authenticatedclient (and personio). Read once: a page searches one query.
let searchedNames = null;

function namesSearched() {
  if (searchedNames === null) {
    const query = new URLSearchParams(window.location.search).get("q") || "";
    searchedNames = query.split(/\s+/).filter(Boolean).map(lastPart);
  }
  return searchedNames;
}

Scorer.score = (result) => {
  const [docname, name, , , score, , kind] = result;
  if (!generated(docname)) return score;
  const last = lastPart(name);
  const spared = kind === "object" && namesSearched().includes(last) && !definedByHand(last);
  return spared ? score : score - 30;
};
