// Sphinx inlines this after its search tools (html_search_scorer): results in the pages
// of the generated low-level clients come after the hand-written API's, which is what a
// reader searching for an operation means; among themselves their order is kept.
Scorer.score = (result) => {
  const [docname, , , , score] = result;
  return docname.startsWith("reference/api-") ? score - 40 : score;
};
