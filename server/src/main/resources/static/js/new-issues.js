// Tells the reader of an issues list that new issues arrived, without reloading the list under
// them: asks the server now and then how many issues matching the list's search were first seen
// since the page was drawn, and shows its notice ("2 new issues — show"). The list works without it.
(function () {
  "use strict";
  var notice = document.getElementById("new-issues");
  if (!notice || !window.fetch || !window.DOMParser) {
    return;
  }
  var url = notice.getAttribute("data-poll-url");
  var seconds = Number(notice.getAttribute("data-poll-seconds")) || 30;

  function show(html) {
    // The notice is our own server-rendered fragment; parsing it inert and moving its nodes keeps
    // the page free of innerHTML.
    var parsed = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html").body.firstChild;
    notice.replaceChildren.apply(notice, Array.prototype.slice.call(parsed.childNodes));
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        // Signed out or gone: stop asking rather than fill the notice with a login page.
        if (!response.ok || response.redirected) {
          throw new Error("stopped");
        }
        return response.text();
      })
      .then(function (html) {
        show(html.trim());
        window.setTimeout(poll, seconds * 1000);
      })
      .catch(function () { });
  }

  window.setTimeout(poll, seconds * 1000);
})();
