// A "print" button where the page has one (statements, assembly records): shown only when script runs, since without
// script the browser's own print command does the same.
document.querySelectorAll('[data-print]').forEach(button => {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
});
