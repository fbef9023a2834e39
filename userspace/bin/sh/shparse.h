/*
 * The shell's parser: pure code, unit-tested on the host
 * (ci/unit/test_shparse.c). One line becomes a list of pipelines:
 *
 *   list      := and_or (( ';' | '&' ) and_or)* [ ';' | '&' ]
 *   and_or    := pipeline (( '&&' | '||' ) pipeline)*
 *   pipeline  := command ( '|' command )*
 *   command   := ( word | redirection )+
 *   redirection := '<' word | '>' word | '>>' word | '2>' word | '2>>' word
 *                | '2>&1' | '>&2'
 *
 * Words are separated by blanks (space, TAB) and by the operators, which
 * count only outside quotes. Inside a word:
 *   'text'    taken literally, up to the next single quote;
 *   "text"    taken literally except that \" \\ \$ stand for " \ $, and
 *             $? is the last status;
 *   \c        outside quotes, the character c itself (so "\ " joins words);
 *   $?        outside single quotes: the exit status of the last command,
 *             substituted when the command runs (shp_expand), not when the
 *             line is parsed, so `false; echo $?` prints 1;
 *   #         at the start of a word begins a comment to the end of line.
 * "2>" and "2>>" are operators only where a word would start ("a2>f" is
 * the word a2 and > f), as in POSIX. Quotes may touch other text
 * ("a"'b'c is one word "abc"), and "" or '' is an empty word.
 *
 * `&` puts the pipeline before it in the background; it may end the
 * line or separate pipelines, but not follow && or || (the shell cannot
 * run a whole and-or list in the background without forking itself).
 * Errors name what was found: "syntax error near '|'" for `| a`, `a |`,
 * `a || | b`; unterminated quotes and a final backslash are errors rather
 * than guesses. Nothing here allocates: a struct shp_line holds it all.
 */
#pragma once
#include <stddef.h>

#define SHP_LINE_MAX  256       /* bytes of a line the parser takes */
#define SHP_ARGS_MAX  32        /* words of one command */
#define SHP_REDIR_MAX 8         /* redirections of one command */
#define SHP_PIPE_CMDS_MAX 16    /* commands in one pipeline */
#define SHP_CMDS_MAX  64        /* commands in a line, all pipelines together */
#define SHP_PIPES_MAX 64        /* pipelines in a line */

/* In a parsed word, this byte stands for $? (the input cannot hold it:
 * control bytes in a line are dropped by the parser). */
#define SHP_STATUS_MARK '\x01'

enum shp_error {
	SHP_OK,
	SHP_E_SQUOTE,           /* unterminated '...' */
	SHP_E_DQUOTE,           /* unterminated "..." */
	SHP_E_ESCAPE,           /* backslash at the end of the line */
	SHP_E_TOOMANY,          /* more words than a command can hold */
	SHP_E_TOOLONG,          /* the line is longer than SHP_LINE_MAX */
	SHP_E_SYNTAX,           /* an operator where it cannot be: see near */
	SHP_E_COMPLEX,          /* more commands, pipelines or redirections than the limits */
	SHP_E_BG_ANDOR,         /* '&' after an && / || list */
};

enum shp_redir_kind {
	SHP_R_IN,               /* < path: stdin from a file */
	SHP_R_OUT,              /* > path: stdout to a file, emptied first */
	SHP_R_APPEND,           /* >> path: stdout to the end of a file */
	SHP_R_ERR,              /* 2> path */
	SHP_R_ERR_APPEND,       /* 2>> path */
	SHP_R_ERR_TO_OUT,       /* 2>&1: stderr where stdout goes now */
	SHP_R_OUT_TO_ERR,       /* >&2: stdout where stderr goes now */
};

struct shp_redir {
	enum shp_redir_kind kind;
	const char *path;       /* 0 for the two "&" kinds */
};

/* Redirections apply left to right: `>f 2>&1` sends both to f. */
struct shp_cmd {
	int argc;
	const char *argv[SHP_ARGS_MAX + 1];     /* argv[argc] = 0 */
	int nredir;
	struct shp_redir redir[SHP_REDIR_MAX];
};

/* What comes after a pipeline: how the next one runs. */
enum shp_sep {
	SHP_SEP_END,            /* ';' or the end of the line */
	SHP_SEP_AND,            /* &&: the next runs if this one's status is 0 */
	SHP_SEP_OR,             /* ||: the next runs if it is not */
	SHP_SEP_BG,             /* &: this one runs in the background */
};

struct shp_pipeline {
	int first, ncmd;        /* cmds[first .. first + ncmd - 1] */
	enum shp_sep sep;
	size_t src, srclen;     /* its text in the line (for jobs) */
};

struct shp_line {
	int ncmd, npipe;
	struct shp_cmd cmds[SHP_CMDS_MAX];
	struct shp_pipeline pipes[SHP_PIPES_MAX];
	char words[2 * SHP_LINE_MAX + 2];       /* the words, NUL-terminated */
	char near[4];           /* SHP_E_SYNTAX: the operator ("" = end of line) */
};

/* Parse line into l. Returns 0 or -SHP_E_*; on -SHP_E_SYNTAX, l->near
 * holds the offending operator. Any byte string is safe to give. */
int shp_parse(const char *line, struct shp_line *l);
/* The error as text, e.g. "syntax error near '|'" (near may be 0). */
const char *shp_strerror(int err, const struct shp_line *l, char *buf, size_t size);

/* Copy word into out (size bytes) with each $? mark replaced by status in
 * decimal. Returns 0, or -1 if it does not fit (out is then truncated). */
int shp_expand(const char *word, int status, char *out, size_t size);
/* Does word hold a $? mark (does it need shp_expand)? */
int shp_has_status(const char *word);
