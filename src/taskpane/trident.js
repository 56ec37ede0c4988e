// Shown instead of a blank pane when Office runs the add-in in Internet Explorer 11's webview
// ("Trident"), which cannot run the add-in's ES2020 bundle. Microsoft recommends detecting it from
// navigator.userAgent and giving a graceful failure message: "Support older Microsoft webviews and
// Office versions", learn.microsoft.com/office/dev/add-ins/develop/support-ie-11.
// Written in ES5 on purpose, and not bundled, so that Internet Explorer can run it.
(function () {
  if (typeof navigator === "undefined" || navigator.userAgent.indexOf("Trident") === -1) return;
  var root = document.getElementById("root");
  if (!root) return;
  root.innerHTML =
    '<div role="alert" style="font-family: Segoe UI, sans-serif; font-size: 14px; padding: 16px; line-height: 1.4;">' +
    "<h1 style=\"font-size: 18px; margin: 0 0 8px;\">LAA Scorecard cannot run in this version of Office</h1>" +
    "<p>This copy of Excel shows add-ins with Internet Explorer 11, which LAA Scorecard does not support, " +
    "so the panel, the Rate RAG button and worksheet functions such as =LAAGAP will not work here.</p>" +
    "<p>To use it, do one of these:</p>" +
    "<ul><li>install the Microsoft Edge WebView2 Runtime (ask your IT team), then restart Excel;</li>" +
    "<li>update Excel to a current Microsoft 365 version;</li>" +
    "<li>use Excel on the web.</li></ul>" +
    "<p>Your workbook has not been changed.</p>" +
    "</div>";
})();
