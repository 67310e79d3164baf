#ifndef EVIDEX_HTML_H
#define EVIDEX_HTML_H
#include <stddef.h>
#include <stdint.h>

/* A narrow seam over libxml2's HTML parser (htmlReadMemory). The header shows
   no libxml2 types: the parser walks the DOM in C and reports what it finds
   as a flat stream of events. All strings are UTF-8, not NUL-terminated,
   valid only during the callback; entities are already decoded. */

enum {
    EVX_HTML_META = 1,        /* key = meta name/property/itemprop (lower case), value = content */
    EVX_HTML_TITLE = 2,       /* value = text of <title> */
    EVX_HTML_H1 = 3,          /* value = text of an <h1> anywhere in the page */
    EVX_HTML_LINK = 4,        /* key = rel (lower case), value = href of <link>/<a> */
    EVX_HTML_AUTHOR_LINK = 5, /* value = text of <a rel="author"> */
    EVX_HTML_TIME = 6,        /* value = datetime attribute of <time> */
    EVX_HTML_JSONLD = 7,      /* value = text of <script type="application/ld+json"> */
    EVX_HTML_HEADING = 8,     /* level = 1..6, value = heading text (content root only) */
    EVX_HTML_PARAGRAPH = 9,   /* value = text of a <p> (content root only) */
    EVX_HTML_LIST_ITEM = 10,  /* value = text of an <li> */
    EVX_HTML_QUOTE = 11,      /* value = text of a <blockquote> (or a <p> inside one: in_quote) */
};

typedef struct {
    int32_t kind;
    int32_t level;       /* heading level for EVX_HTML_HEADING, else 0 */
    int32_t in_content;  /* 1 when the element lies inside the chosen article/main root */
    int32_t in_quote;    /* 1 inside a <blockquote> */
    const char *key;
    size_t key_len;
    const char *value;
    size_t value_len;
} evx_html_event;

typedef void (*evx_html_callback)(const evx_html_event *event, void *context);

/* Parses html (UTF-8, len bytes) and reports events in document order: first the page's
   metadata (META, TITLE, H1, LINK, AUTHOR_LINK, TIME, JSONLD over the whole page), then the
   body blocks (HEADING, PARAGRAPH, LIST_ITEM, QUOTE) of the content root: the <article> with
   the most paragraph text, else <main> (or role="main"), else <body>. Blocks inside script,
   style, nav, header, footer, aside, form, noscript, template, figure captions are skipped.
   Returns 0 on success, -1 when libxml2 could not build a document, -3 when out of memory. */
int evx_html_parse(const uint8_t *html, size_t len, evx_html_callback callback, void *context);

#endif
