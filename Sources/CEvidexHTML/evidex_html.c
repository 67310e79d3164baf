#include "evidex_html.h"
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <limits.h>

static pthread_once_t evx_html_once = PTHREAD_ONCE_INIT;
static void evx_html_init(void) { xmlInitParser(); }

/* ---- small growable buffer ---- */
typedef struct { char *p; size_t len, cap; int oom; } buf_t;

static void buf_put(buf_t *b, const char *s, size_t n) {
    if (b->oom || n == 0) return;
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 256;
        while (nc < b->len + n + 1) nc *= 2;
        char *np = realloc(b->p, nc);
        if (!np) { b->oom = 1; return; }
        b->p = np; b->cap = nc;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static int name_is(const xmlNode *n, const char *name) {
    return n && n->type == XML_ELEMENT_NODE && n->name && strcasecmp((const char *)n->name, name) == 0;
}

static int name_in(const xmlNode *n, const char *const *names) {
    if (!n || n->type != XML_ELEMENT_NODE || !n->name) return 0;
    for (; *names; names++) if (strcasecmp((const char *)n->name, *names) == 0) return 1;
    return 0;
}

static const char *const SKIP_TAGS[] = {
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
    "figcaption", "button", "select", "textarea", "iframe", "svg", "object", "embed", "head", NULL
};
/* Elements whose text never counts (even for metadata such as <h1>, <title>). */
static const char *const NO_TEXT_TAGS[] = {
    "script", "style", "noscript", "template", "svg", "object", "embed", "select", "textarea", NULL
};
/* Block-level elements: text collection for a block stops at these (they are walked on their own). */
static const char *const BLOCK_TAGS[] = {
    "p", "ul", "ol", "li", "dl", "blockquote", "div", "section", "article", "main", "table",
    "h1", "h2", "h3", "h4", "h5", "h6", "figure", "pre", "header", "footer", "nav", "aside",
    "form", "hr", "address", "details", NULL
};

static int is_skipped(const xmlNode *n) { return name_in(n, SKIP_TAGS); }

/* Attribute value (owned: xmlFree) or NULL. */
static xmlChar *attr(xmlNode *n, const char *name) { return xmlGetProp(n, (const xmlChar *)name); }

static int attr_equals(xmlNode *n, const char *name, const char *value) {
    xmlChar *v = attr(n, name);
    if (!v) return 0;
    int r = strcasecmp((const char *)v, value) == 0;
    xmlFree(v);
    return r;
}

/* Whether a space-separated attribute (rel) contains the token. */
static int attr_has_token(xmlNode *n, const char *name, const char *token) {
    xmlChar *v = attr(n, name);
    if (!v) return 0;
    size_t tl = strlen(token);
    const char *s = (const char *)v;
    int found = 0;
    while (*s) {
        while (*s == ' ' || *s == '\t' || *s == '\n') s++;
        const char *e = s;
        while (*e && *e != ' ' && *e != '\t' && *e != '\n') e++;
        if ((size_t)(e - s) == tl && strncasecmp(s, token, tl) == 0) { found = 1; break; }
        s = e;
    }
    xmlFree(v);
    return found;
}

/* Text of n's subtree. stop_at_blocks: skip nested block-level children (they are reported
   as blocks of their own). skip_hidden: skip SKIP_TAGS subtrees (else only NO_TEXT_TAGS). */
static void collect_text(xmlNode *n, buf_t *b, int stop_at_blocks, int skip_hidden, int depth) {
    if (depth > 200) return;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) buf_put(b, (const char *)c->content, strlen((const char *)c->content));
        } else if (c->type == XML_ELEMENT_NODE) {
            if (name_in(c, NO_TEXT_TAGS)) continue;
            if (skip_hidden && is_skipped(c)) continue;
            if (name_is(c, "br")) { buf_put(b, "\n", 1); continue; }
            if (stop_at_blocks && name_in(c, BLOCK_TAGS)) { buf_put(b, " ", 1); continue; }
            int block = name_in(c, BLOCK_TAGS) || name_is(c, "td") || name_is(c, "th") || name_is(c, "tr");
            if (block) buf_put(b, " ", 1);
            collect_text(c, b, stop_at_blocks, skip_hidden, depth + 1);
            if (block) buf_put(b, " ", 1);
        }
    }
}

static int has_block_child(xmlNode *n) {
    for (xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && name_in(c, BLOCK_TAGS)) return 1;
    return 0;
}

typedef struct {
    evx_html_callback cb;
    void *ctx;
    xmlNode *root;      /* content root */
    buf_t tmp;
    xmlNode **cands;    /* article/main candidates */
    size_t ncands, capcands;
    int oom;
} walk_t;

static void emit(walk_t *w, int kind, int level, int in_content, int in_quote,
                 const char *key, size_t key_len, const char *value, size_t value_len) {
    evx_html_event ev;
    ev.kind = kind;
    ev.level = level;
    ev.in_content = in_content;
    ev.in_quote = in_quote;
    ev.key = key ? key : "";
    ev.key_len = key ? key_len : 0;
    ev.value = value ? value : "";
    ev.value_len = value ? value_len : 0;
    w->cb(&ev, w->ctx);
}

static void emit_text(walk_t *w, int kind, int level, int in_content, int in_quote, xmlNode *n,
                      int stop_at_blocks, int skip_hidden) {
    w->tmp.len = 0;
    collect_text(n, &w->tmp, stop_at_blocks, skip_hidden, 0);
    if (w->tmp.oom) { w->oom = 1; return; }
    emit(w, kind, level, in_content, in_quote, NULL, 0, w->tmp.p, w->tmp.len);
}

static int is_descendant(xmlNode *n, xmlNode *ancestor) {
    for (; n; n = n->parent) if (n == ancestor) return 1;
    return 0;
}

/* ---- pass 1: candidates for the content root ---- */
static void find_candidates(walk_t *w, xmlNode *n, int depth) {
    if (depth > 250) return;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (name_is(c, "script") || name_is(c, "style") || name_is(c, "template")) continue;
        if (name_is(c, "article") || name_is(c, "main") || attr_equals(c, "role", "main")) {
            if (w->ncands == w->capcands) {
                size_t nc = w->capcands ? w->capcands * 2 : 8;
                xmlNode **np = realloc(w->cands, nc * sizeof *np);
                if (!np) { w->oom = 1; return; }
                w->cands = np; w->capcands = nc;
            }
            w->cands[w->ncands++] = c;
        }
        find_candidates(w, c, depth + 1);
    }
}

/* Bytes of paragraph text under n (outside skipped elements). */
static size_t paragraph_score(walk_t *w, xmlNode *n, int depth) {
    if (depth > 250) return 0;
    size_t s = 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || is_skipped(c)) continue;
        if (name_is(c, "p")) {
            w->tmp.len = 0;
            collect_text(c, &w->tmp, 1, 1, 0);
            s += w->tmp.len;
        } else {
            s += paragraph_score(w, c, depth + 1);
        }
    }
    return s;
}

/* ---- pass 2: page metadata ---- */
static void walk_meta(walk_t *w, xmlNode *n, int depth) {
    if (depth > 250 || w->oom) return;
    for (xmlNode *c = n->children; c && !w->oom; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !c->name) continue;
        if (name_is(c, "meta")) {
            xmlChar *content = attr(c, "content");
            if (content) {
                const char *keys[] = {"property", "name", "itemprop", NULL};
                for (int i = 0; keys[i]; i++) {
                    xmlChar *k = attr(c, keys[i]);
                    if (!k) continue;
                    for (xmlChar *p = k; *p; p++) if (*p >= 'A' && *p <= 'Z') *p = (xmlChar)(*p + 32);
                    emit(w, EVX_HTML_META, 0, 0, 0, (const char *)k, strlen((const char *)k),
                         (const char *)content, strlen((const char *)content));
                    xmlFree(k);
                }
                xmlFree(content);
            }
        } else if (name_is(c, "title")) {
            emit_text(w, EVX_HTML_TITLE, 0, 0, 0, c, 0, 0);
        } else if (name_is(c, "h1")) {
            emit_text(w, EVX_HTML_H1, 1, is_descendant(c, w->root), 0, c, 0, 0);
        } else if (name_is(c, "link") || name_is(c, "a")) {
            xmlChar *rel = attr(c, "rel");
            if (rel) {
                for (xmlChar *p = rel; *p; p++) if (*p >= 'A' && *p <= 'Z') *p = (xmlChar)(*p + 32);
                xmlChar *href = attr(c, "href");
                if (href) {
                    emit(w, EVX_HTML_LINK, 0, is_descendant(c, w->root), 0, (const char *)rel,
                         strlen((const char *)rel), (const char *)href, strlen((const char *)href));
                    xmlFree(href);
                }
                xmlFree(rel);
                if (name_is(c, "a") && attr_has_token(c, "rel", "author"))
                    emit_text(w, EVX_HTML_AUTHOR_LINK, 0, is_descendant(c, w->root), 0, c, 0, 0);
            }
        } else if (name_is(c, "time")) {
            xmlChar *dt = attr(c, "datetime");
            if (dt) {
                emit(w, EVX_HTML_TIME, 0, is_descendant(c, w->root), 0, "datetime", 8,
                     (const char *)dt, strlen((const char *)dt));
                xmlFree(dt);
            }
        } else if (name_is(c, "script")) {
            xmlChar *type = attr(c, "type");
            if (type) {
                if (strcasecmp((const char *)type, "application/ld+json") == 0) {
                    w->tmp.len = 0;
                    for (xmlNode *t = c->children; t; t = t->next)
                        if (t->content) buf_put(&w->tmp, (const char *)t->content, strlen((const char *)t->content));
                    if (w->tmp.oom) w->oom = 1;
                    else emit(w, EVX_HTML_JSONLD, 0, 0, 0, NULL, 0, w->tmp.p, w->tmp.len);
                }
                xmlFree(type);
            }
            continue;
        }
        if (name_in(c, NO_TEXT_TAGS)) continue;
        walk_meta(w, c, depth + 1);
    }
}

/* ---- pass 3: body blocks under the content root ---- */
static void walk_blocks(walk_t *w, xmlNode *n, int in_quote, int depth) {
    if (depth > 250 || w->oom) return;
    for (xmlNode *c = n->children; c && !w->oom; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !c->name) continue;
        if (is_skipped(c)) continue;
        const char *nm = (const char *)c->name;
        if ((nm[0] == 'h' || nm[0] == 'H') && nm[1] >= '1' && nm[1] <= '6' && nm[2] == 0) {
            emit_text(w, EVX_HTML_HEADING, nm[1] - '0', 1, in_quote, c, 0, 1);
        } else if (name_is(c, "p")) {
            emit_text(w, in_quote ? EVX_HTML_QUOTE : EVX_HTML_PARAGRAPH, 0, 1, in_quote, c, 1, 1);
            if (has_block_child(c)) walk_blocks(w, c, in_quote, depth + 1);
        } else if (name_is(c, "li")) {
            emit_text(w, EVX_HTML_LIST_ITEM, 0, 1, in_quote, c, 1, 1);
            if (has_block_child(c)) walk_blocks(w, c, in_quote, depth + 1);
        } else if (name_is(c, "blockquote")) {
            emit_text(w, EVX_HTML_QUOTE, 0, 1, 1, c, 1, 1);
            if (has_block_child(c)) walk_blocks(w, c, 1, depth + 1);
        } else {
            walk_blocks(w, c, in_quote, depth + 1);
        }
    }
}

int evx_html_parse(const uint8_t *html, size_t len, evx_html_callback callback, void *context) {
    pthread_once(&evx_html_once, evx_html_init);
    if (len > INT_MAX) return -1;
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
             | HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlReadMemory((const char *)html, (int)len, NULL, "UTF-8", opts);
    if (!doc) return -1;
    xmlNode *top = xmlDocGetRootElement(doc);
    if (!top) { xmlFreeDoc(doc); return -1; }

    walk_t w;
    memset(&w, 0, sizeof w);
    w.cb = callback;
    w.ctx = context;

    /* Content root: the <article> with the most paragraph text; else <main>/role=main; else <body>. */
    find_candidates(&w, (xmlNode *)doc, 0);
    xmlNode *best = NULL;
    size_t best_score = 0;
    for (size_t i = 0; i < w.ncands; i++) {
        if (!name_is(w.cands[i], "article")) continue;
        size_t s = paragraph_score(&w, w.cands[i], 0);
        if (s > best_score) { best = w.cands[i]; best_score = s; }
    }
    if (!best) {
        for (size_t i = 0; i < w.ncands; i++) {
            if (!name_is(w.cands[i], "article")) { best = w.cands[i]; break; }
        }
    }
    if (!best) {
        for (xmlNode *c = top->children; c; c = c->next) if (name_is(c, "body")) { best = c; break; }
    }
    if (!best) best = top;
    w.root = best;

    walk_meta(&w, (xmlNode *)doc, 0);
    /* The root itself may be an element that walk_blocks would otherwise skip (e.g. <main> is fine,
       but walk its children, not the element). */
    walk_blocks(&w, best, 0, 0);

    int oom = w.oom || w.tmp.oom;
    free(w.tmp.p);
    free(w.cands);
    xmlFreeDoc(doc);
    return oom ? -3 : 0;
}
