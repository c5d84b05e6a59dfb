// Apply the saved or system theme before first paint, so there is no flash.
// A file rather than an inline script, so the Content-Security-Policy needs no
// hash or 'unsafe-inline' (README.md, "Deploy").
try {
  var t = localStorage.getItem('lifecycle-lab:theme');
  if (t !== 'light' && t !== 'dark') t = matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
  document.documentElement.dataset.theme = t;
} catch {
  document.documentElement.dataset.theme = 'dark';
}
