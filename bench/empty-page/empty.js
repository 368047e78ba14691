// One line of text, written by a script as a page's own would be.
document.body.append('Arvio');
