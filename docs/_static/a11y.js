// Keyboard and screen-reader access to the theme's navigation (furo draws its menu,
// contents and section toggles as <label>s of hidden checkboxes, which no key reaches).
document.addEventListener("DOMContentLoaded", () => {
  const toggles = document.querySelectorAll(
    ".nav-overlay-icon, .toc-header-icon, .sidebar-tree label[for^='toctree-checkbox']"
  );
  for (const label of toggles) {
    const box = document.getElementById(label.htmlFor);
    if (!box) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "a11y-toggle";
    button.setAttribute("aria-label", box.getAttribute("aria-label") || "Toggle");
    button.append(...label.childNodes);
    label.append(button);
    const shown = () => button.setAttribute("aria-expanded", String(box.checked));
    shown();
    box.addEventListener("change", shown);
    button.addEventListener("click", (event) => {
      event.preventDefault();
      box.click();
    });
  }
  // Two landmarks of one kind need names to be told apart.
  document.querySelector("aside.sidebar-drawer")?.setAttribute("aria-label", "Site navigation");
  document.querySelector("aside.toc-drawer")?.setAttribute("aria-label", "On this page");
  // A code block wider than the page scrolls: a keyboard must reach it to scroll it.
  for (const pre of document.querySelectorAll(".highlight pre")) {
    if (pre.scrollWidth > pre.clientWidth) pre.tabIndex = 0;
  }
});
