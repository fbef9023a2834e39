/*
 * The shell's parser (see shparse.h): a lexer that cuts the line into
 * words and operators, one output byte per input byte at most, and a
 * parser that builds the list of pipelines from them in one pass.
 */
#include "shparse.h"
#include <string.h>

enum tok_type { TOK_END, TOK_WORD, TOK_OP };

enum shp_op {
	OP_PIPE, OP_OR, OP_AND, OP_BG, OP_SEMI,
	OP_IN, OP_OUT, OP_APPEND, OP_ERR, OP_ERR_APPEND, OP_ERR_TO_OUT, OP_OUT_TO_ERR,
};

/* Operators, longest first where one is the start of another. */
static const struct {
	const char *text;
	enum shp_op op;
} shp_ops[] = {
	{ "2>&1", OP_ERR_TO_OUT }, { "2>>", OP_ERR_APPEND }, { "2>", OP_ERR },
	{ ">&2", OP_OUT_TO_ERR }, { ">>", OP_APPEND }, { ">", OP_OUT }, { "<", OP_IN },
	{ "||", OP_OR }, { "|", OP_PIPE }, { "&&", OP_AND }, { "&", OP_BG }, { ";", OP_SEMI },
};

struct lexer {
	const char *line, *s;
	char *out;
	size_t n, size;
	/* the token just read */
	enum tok_type type;
	enum shp_op op;
	const char *word;
	size_t start, end;      /* its place in the line */
	char near[4];
};

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int is_op_char(char c)
{
	return c == '|' || c == '&' || c == ';' || c == '<' || c == '>';
}

/* Control bytes are dropped: the terminal never sends them inside a line,
 * and SHP_STATUS_MARK must only ever come from "$?". */
static int is_dropped(unsigned char c)
{
	return (c < 0x20 && c != '\t') || c == 0x7F;
}

static int lex_put(struct lexer *lx, char c)
{
	if (lx->n == lx->size)
		return -SHP_E_TOOLONG;
	lx->out[lx->n++] = c;
	return 0;
}

/* One word from lx->s into the output, NUL-terminated. */
static int lex_word(struct lexer *lx)
{
	const char *s = lx->s;
	int err = 0;
	lx->word = lx->out + lx->n;
	while (!err && *s && !is_blank(*s) && !is_op_char(*s)) {
		char c = *s++;
		if (is_dropped((unsigned char)c)) {
			continue;
		} else if (c == '\'') {
			for (; *s != '\''; s++) {
				if (!*s)
					return -SHP_E_SQUOTE;
				if (!is_dropped((unsigned char)*s) && (err = lex_put(lx, *s)))
					return err;
			}
			s++;
		} else if (c == '"') {
			for (; *s != '"'; s++) {
				if (!*s)
					return -SHP_E_DQUOTE;
				if (*s == '\\' && (s[1] == '"' || s[1] == '\\' || s[1] == '$')) {
					s++;
				} else if (*s == '$' && s[1] == '?') {
					s++;
					if ((err = lex_put(lx, SHP_STATUS_MARK)))
						return err;
					continue;
				}
				if (!is_dropped((unsigned char)*s) && (err = lex_put(lx, *s)))
					return err;
			}
			s++;
		} else if (c == '\\') {
			if (!*s)
				return -SHP_E_ESCAPE;
			c = *s++;
			if (!is_dropped((unsigned char)c))
				err = lex_put(lx, c);
		} else if (c == '$' && *s == '?') {
			s++;
			err = lex_put(lx, SHP_STATUS_MARK);
		} else {
			err = lex_put(lx, c);
		}
	}
	lx->s = s;
	return err ? err : lex_put(lx, '\0');
}

/* The next token: TOK_END at the end of the line or a comment. */
static int lex_next(struct lexer *lx)
{
	while (is_blank(*lx->s) || (*lx->s && is_dropped((unsigned char)*lx->s)))
		lx->s++;
	lx->start = (size_t)(lx->s - lx->line);
	if (!*lx->s || *lx->s == '#') {
		lx->type = TOK_END;
		lx->end = lx->start;
		return 0;
	}
	for (size_t i = 0; i < sizeof(shp_ops) / sizeof(shp_ops[0]); i++) {
		size_t k = strlen(shp_ops[i].text);
		if (!strncmp(lx->s, shp_ops[i].text, k)) {
			lx->type = TOK_OP;
			lx->op = shp_ops[i].op;
			memcpy(lx->near, lx->s, k);
			lx->near[k] = '\0';
			lx->s += k;
			lx->end = (size_t)(lx->s - lx->line);
			return 0;
		}
	}
	lx->type = TOK_WORD;
	int err = lex_word(lx);
	lx->end = (size_t)(lx->s - lx->line);
	return err;
}

static int syntax_error(struct shp_line *l, const struct lexer *lx)
{
	if (lx->type == TOK_OP)
		memcpy(l->near, lx->near, sizeof(l->near));
	else
		l->near[0] = '\0';
	return -SHP_E_SYNTAX;
}

static enum shp_redir_kind redir_kind(enum shp_op op)
{
	switch (op) {
	case OP_IN: return SHP_R_IN;
	case OP_OUT: return SHP_R_OUT;
	case OP_APPEND: return SHP_R_APPEND;
	case OP_ERR: return SHP_R_ERR;
	case OP_ERR_APPEND: return SHP_R_ERR_APPEND;
	case OP_ERR_TO_OUT: return SHP_R_ERR_TO_OUT;
	default: return SHP_R_OUT_TO_ERR;
	}
}

static int is_redir(enum shp_op op)
{
	return op >= OP_IN;
}

/* One command: words and redirections up to an operator that ends it. */
static int parse_command(struct lexer *lx, struct shp_line *l)
{
	if (l->ncmd == SHP_CMDS_MAX)
		return -SHP_E_COMPLEX;
	struct shp_cmd *c = &l->cmds[l->ncmd++];
	c->argc = c->nredir = 0;
	for (;;) {
		if (lx->type == TOK_WORD) {
			if (c->argc == SHP_ARGS_MAX)
				return -SHP_E_TOOMANY;
			c->argv[c->argc++] = lx->word;
		} else if (lx->type == TOK_OP && is_redir(lx->op)) {
			if (c->nredir == SHP_REDIR_MAX)
				return -SHP_E_COMPLEX;
			struct shp_redir *r = &c->redir[c->nredir++];
			r->kind = redir_kind(lx->op);
			r->path = 0;
			if (lx->op != OP_ERR_TO_OUT && lx->op != OP_OUT_TO_ERR) {
				struct lexer at = *lx;  /* the operator, for the error */
				int err = lex_next(lx);
				if (err)
					return err;
				if (lx->type != TOK_WORD)
					return syntax_error(l, lx->type == TOK_END ? &at : lx);
				r->path = lx->word;
			}
		} else {
			break;
		}
		int err = lex_next(lx);
		if (err)
			return err;
	}
	c->argv[c->argc] = 0;
	if (!c->argc && !c->nredir)
		return syntax_error(l, lx);
	return 0;
}

static int parse_pipeline(struct lexer *lx, struct shp_line *l)
{
	if (l->npipe == SHP_PIPES_MAX)
		return -SHP_E_COMPLEX;
	struct shp_pipeline *p = &l->pipes[l->npipe++];
	p->first = l->ncmd;
	p->ncmd = 0;
	p->sep = SHP_SEP_END;
	p->src = lx->start;
	for (;;) {
		if (p->ncmd == SHP_PIPE_CMDS_MAX)
			return -SHP_E_COMPLEX;
		int err = parse_command(lx, l);
		if (err)
			return err;
		p->ncmd++;
		p->srclen = lx->start - p->src;
		if (lx->type != TOK_OP || lx->op != OP_PIPE)
			return 0;
		struct lexer at = *lx;
		if ((err = lex_next(lx)))
			return err;
		if (lx->type == TOK_END)
			return syntax_error(l, &at);
	}
}

int shp_parse(const char *line, struct shp_line *l)
{
	struct lexer lx = { .line = line, .s = line, .out = l->words, .size = sizeof(l->words) };
	l->ncmd = l->npipe = 0;
	l->near[0] = '\0';
	if (strnlen(line, SHP_LINE_MAX + 1) > SHP_LINE_MAX)
		return -SHP_E_TOOLONG;
	int err = lex_next(&lx);
	int in_andor = 0;       /* the pipeline being parsed follows && or || */
	while (!err && lx.type != TOK_END) {
		if ((err = parse_pipeline(&lx, l)))
			break;
		struct shp_pipeline *p = &l->pipes[l->npipe - 1];
		while (p->srclen && is_blank(line[p->src + p->srclen - 1]))
			p->srclen--;
		if (lx.type == TOK_END)
			break;
		/* parse_pipeline stops at an operator that is not a redirection or '|' */
		struct lexer at = lx;
		switch (lx.op) {
		case OP_AND:
		case OP_OR:
			p->sep = lx.op == OP_AND ? SHP_SEP_AND : SHP_SEP_OR;
			in_andor = 1;
			if ((err = lex_next(&lx)))
				break;
			if (lx.type == TOK_END)
				err = syntax_error(l, &at);
			break;
		case OP_BG:
			if (in_andor) {
				err = -SHP_E_BG_ANDOR;
				break;
			}
			p->sep = SHP_SEP_BG;
			err = lex_next(&lx);
			break;
		default:        /* ';' */
			in_andor = 0;
			err = lex_next(&lx);
			break;
		}
		if (!err && p->sep != SHP_SEP_AND && p->sep != SHP_SEP_OR)
			in_andor = 0;
	}
	if (err) {
		l->ncmd = l->npipe = 0;
		return err;
	}
	return 0;
}

const char *shp_strerror(int err, const struct shp_line *l, char *buf, size_t size)
{
	switch (err < 0 ? -err : err) {
	case SHP_OK: return "ok";
	case SHP_E_SQUOTE: return "unterminated '";
	case SHP_E_DQUOTE: return "unterminated \"";
	case SHP_E_ESCAPE: return "backslash at the end of the line";
	case SHP_E_TOOMANY: return "too many words";
	case SHP_E_TOOLONG: return "line too long";
	case SHP_E_COMPLEX: return "too many commands or redirections in one line";
	case SHP_E_BG_ANDOR: return "'&' cannot end an && or || list";
	case SHP_E_SYNTAX:
		if (!l || !buf || size < 32)
			return "syntax error";
		if (!l->near[0])
			return "syntax error near the end of the line";
		/* near is at most 3 bytes: the text always fits in 32 */
		{
			size_t k = strnlen(l->near, sizeof(l->near) - 1);
			memcpy(buf, "syntax error near '", 19);
			memcpy(buf + 19, l->near, k);
			memcpy(buf + 19 + k, "'", 2);
		}
		return buf;
	default: return "syntax error";
	}
}

int shp_has_status(const char *word)
{
	return strchr(word, SHP_STATUS_MARK) != 0;
}

int shp_expand(const char *word, int status, char *out, size_t size)
{
	char num[12];
	size_t n = 0, k = 0;
	unsigned v = status < 0 ? 0u - (unsigned)status : (unsigned)status;
	do
		num[k++] = (char)('0' + v % 10);
	while ((v /= 10) && k < 10);
	if (status < 0)
		num[k++] = '-';
	if (!size)
		return -1;
	for (; *word; word++) {
		size_t need = *word == SHP_STATUS_MARK ? k : 1;
		if (n + need >= size) {
			out[n] = '\0';
			return -1;
		}
		if (*word != SHP_STATUS_MARK)
			out[n++] = *word;
		else
			for (size_t i = k; i; i--)
				out[n++] = num[i - 1];
	}
	out[n] = '\0';
	return 0;
}
