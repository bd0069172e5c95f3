// The "Afdrukken" button of the printable pages. A script file, not an
// onclick attribute: the Content-Security-Policy runs no inline handlers.
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
        window.print();
    });
});
