#ifndef TALLY_CREADLINE_SHIM_H
#define TALLY_CREADLINE_SHIM_H
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Readline keeps its state in global variables, which Swift 6 will not touch directly
   (shared mutable state); these accessors are the only places that read or write them. */

/* Sets up readline for tally: program name, no readline signal handlers (tally handles
   SIGINT itself), the completion entry, the display of its matches and word breaks, multi-line history entries (kept
   apart in the file by `#` timestamp lines). */
static inline void tally_readline_configure(const char *name, rl_completion_func_t *completion,
                                            rl_compdisp_func_t *display_matches, const char *word_breaks) {
    rl_readline_name = name;
    rl_catch_signals = 0;
    rl_attempted_completion_function = completion;
    rl_completion_display_matches_hook = display_matches;
    rl_completer_word_break_characters = word_breaks;
    history_comment_char = '#';
    history_write_timestamps = 1;
    history_multiline_entries = 1;
}

/* Tells readline not to fall back to file-name completion. */
static inline void tally_readline_completion_over(void) { rl_attempted_completion_over = 1; }

/* The line being edited. */
static inline const char *tally_readline_line(void) { return rl_line_buffer; }

/* The cursor, a byte offset into the line being edited. */
static inline int tally_readline_point(void) { return rl_point; }

/* Writes text where readline writes its output, in order with it. */
static inline void tally_readline_print(const char *text) {
    FILE *stream = rl_outstream ? rl_outstream : stdout;
    fputs(text, stream);
    fflush(stream);
}

/* Moves the cursor to the end of the line being edited. */
static inline void tally_readline_point_to_end(void) { rl_point = rl_end; }

#endif
