//! Docs: the spec's Markdown-ish text made safe for rustdoc and clippy, as `#[doc]`
//! attributes.
//!
//! The metadata's descriptions are written for Alibaba's documentation site. Rustdoc would
//! misread some of it, so the text is kept but normalized:
//! - `[x]` that is not a link is escaped (`\[x\]`, no broken intra-doc links); links to
//!   the documentation site's internal ids (`[Foo](~~12345~~)`) keep only their text;
//! - bare URLs become autolinks (`<https://...>`);
//! - HTML tags are escaped (`\<Name>`), except `<br>` (a line break) and the site's
//!   `<notice>`/`<warning>` boxes (a bold "Note:"/"Warning:");
//! - `~` is escaped (the site's `~~id~~` is not strikethrough);
//! - indentation that would make an indented code block (which rustdoc compiles as a
//!   doctest) is removed, fenced code blocks become `text` blocks, tabs become spaces;
//! - list items followed by lines that are not indented (clippy's `doc_lazy_continuation`)
//!   get the indentation of the item, and quotes are closed by a blank line.

use proc_macro2::TokenStream;
use quote::quote;

use crate::codegen::ir::{DocBlock, Docs};

/// The lines of `docs`, paragraphs separated by an empty line.
pub fn lines(docs: &Docs) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for block in &docs.blocks {
        let text = match block {
            DocBlock::Spec(text) => sanitize_markdown(text),
            DocBlock::Generated(text) => text.trim_end().replace('\t', "    "),
            DocBlock::Lines(lines) => lines.join("\n").replace('\t', "    "),
        };
        if text.trim().is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(String::new());
        }
        out.extend(text.lines().map(str::to_owned));
    }
    out
}

/// `#[doc = "..."]` attributes, one per line.
pub fn outer(docs: &Docs) -> TokenStream {
    attrs(&lines(docs), false)
}

/// `#![doc = "..."]` attributes, one per line.
pub fn inner(docs: &Docs) -> TokenStream {
    attrs(&lines(docs), true)
}

/// Doc attributes for already-rendered lines (tabs become spaces: clippy's
/// `tabs_in_doc_comments`).
pub fn attrs(lines: &[String], inner: bool) -> TokenStream {
    let docs = lines.iter().map(|line| {
        let text = if line.is_empty() {
            String::new()
        } else {
            format!(" {}", line.replace('\t', "    "))
        };
        if inner {
            quote!(#![doc = #text])
        } else {
            quote!(#[doc = #text])
        }
    });
    quote!(#(#docs)*)
}

/// One line of spec text (a summary) for use inside generated Markdown.
pub fn inline(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    escape_inline(&replace_tags(&joined))
}

/// The spec's Markdown-ish `text` as rustdoc-safe Markdown (see the module docs).
pub fn sanitize_markdown(text: &str) -> String {
    let text = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', "    ");
    let text = replace_tags(&text);
    let mut out: Vec<String> = Vec::new();
    // The closing marker of the fenced code block we are in.
    let mut fence: Option<String> = None;
    // The content column of the innermost list item, while in a list.
    let mut list: Option<usize> = None;
    // The columns of the open ordered lists, outermost first.
    let mut ordered_columns: Vec<usize> = Vec::new();
    let mut prev_blank = true;
    let mut prev_quote = false;
    for raw in text.lines() {
        let line = raw.trim_end();
        if let Some(close) = &fence {
            if line.trim_start().starts_with(close.as_str()) {
                out.push(close.clone());
                fence = None;
            } else {
                out.push(line.to_owned());
            }
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() {
            out.push(String::new());
            prev_blank = true;
            prev_quote = false;
            continue;
        }
        if let Some(marker) = fence_marker(trimmed) {
            if !prev_blank {
                out.push(String::new());
            }
            out.push(format!("{marker}text"));
            fence = Some(marker);
            list = None;
            ordered_columns.clear();
            prev_blank = false;
            prev_quote = false;
            continue;
        }
        let is_quote = trimmed.starts_with('>');
        if prev_quote && !is_quote && !prev_blank {
            // End the quote instead of continuing it lazily.
            out.push(String::new());
        }
        let item = list_item(trimmed);
        // `2.`, `3.` ... (a number other than 1) after an ordered item of the list: the
        // site renders it as a sibling however it is indented, and Markdown cannot start a
        // nested list with it.
        let later_number = trimmed
            .split(['.', ')'])
            .next()
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .is_some_and(|n| n.trim_start_matches('0') != "1");
        let column = if is_quote {
            list = None;
            ordered_columns.clear();
            0
        } else if let Some(offset) = item {
            let ordered = trimmed.starts_with(|c: char| c.is_ascii_digit());
            // The innermost open ordered list that is not deeper than the line.
            let sibling = ordered_columns
                .iter()
                .rev()
                .find(|c| **c <= indent)
                .or(ordered_columns.first())
                .copied();
            let column = match (list, sibling) {
                (Some(_), Some(sibling)) if ordered && later_number => sibling,
                (Some(content), _) => indent.min(content),
                (None, _) if indent >= 4 => 0,
                (None, _) => indent,
            };
            list = Some(column + offset);
            ordered_columns.retain(|c| if ordered { *c <= column } else { *c < column });
            if ordered && ordered_columns.last() != Some(&column) {
                ordered_columns.push(column);
            }
            column
        } else if let Some(content) = list {
            if prev_blank && indent < content {
                list = None;
                ordered_columns.clear();
                0
            } else {
                // A continuation of the item (lazy ones get the item's indentation), never
                // indented far enough to become a code block.
                content
            }
        } else {
            0
        };
        out.push(format!("{}{}", " ".repeat(column), escape_inline(trimmed)));
        prev_blank = false;
        prev_quote = is_quote;
    }
    if let Some(close) = fence {
        out.push(close);
    }
    // No leading, trailing or repeated blank lines.
    let mut result: Vec<String> = Vec::new();
    for line in out {
        if line.is_empty() && result.last().is_none_or(String::is_empty) {
            continue;
        }
        result.push(line);
    }
    while result.last().is_some_and(String::is_empty) {
        result.pop();
    }
    result.join("\n")
}

/// The fence of a fenced code block opening on this line, if any.
fn fence_marker(trimmed: &str) -> Option<String> {
    let first = trimmed.chars().next()?;
    if first != '`' && first != '~' {
        return None;
    }
    let marker: String = trimmed.chars().take_while(|c| *c == first).collect();
    (marker.len() >= 3).then_some(marker)
}

/// The content offset of a list item line (`*   text` -> 4, `1. text` -> 3).
fn list_item(trimmed: &str) -> Option<usize> {
    let bytes = trimmed.as_bytes();
    let marker_len = match bytes.first()? {
        b'*' | b'-' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            match bytes.get(digits) {
                Some(b'.' | b')') if digits <= 9 => digits + 1,
                _ => return None,
            }
        }
        _ => return None,
    };
    let spaces = bytes[marker_len..]
        .iter()
        .take_while(|b| **b == b' ')
        .count();
    if spaces == 0 || marker_len + spaces == trimmed.len() {
        return None;
    }
    Some(marker_len + if spaces > 4 { 1 } else { spaces })
}

/// `<br>` becomes a line break; the documentation site's note boxes become bold labels.
fn replace_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let Some(end) = tail.find('>') else {
            out.push_str(tail);
            return out;
        };
        let tag = &tail[1..end];
        let name = tag
            .trim_start_matches('/')
            .trim_end_matches('/')
            .trim()
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        let replacement = match (name.as_str(), closing) {
            ("br", _) => Some("\n"),
            ("notice" | "note", false) => Some("**Note:** "),
            ("warning", false) => Some("**Warning:** "),
            ("notice" | "note" | "warning", true) => Some(""),
            _ => None,
        };
        match replacement {
            Some(r) => {
                if closing && out.ends_with('>') {
                    // `></notice>`: the quote marker the site puts before closing tags.
                    out.pop();
                }
                out.push_str(r);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Escapes what rustdoc would misread in one line of text (see the module docs).
fn escape_inline(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                if let Some(&next) = chars.get(i + 1)
                    && next.is_ascii_punctuation()
                {
                    out.push(c);
                    out.push(next);
                    i += 2;
                } else {
                    out.push_str("\\\\");
                    i += 1;
                }
            }
            '`' => {
                let run = count(&chars, i, '`');
                match find_run(&chars, i + run, run) {
                    Some(close) => {
                        out.extend(&chars[i..close + run]);
                        i = close + run;
                    }
                    None => {
                        for _ in 0..run {
                            out.push_str("\\`");
                        }
                        i += run;
                    }
                }
            }
            '[' => match link(&chars, i) {
                Some((text, url, end)) => {
                    let text = escape_inline(&text);
                    if url.starts_with("http://") || url.starts_with("https://") {
                        out.push_str(&format!("[{text}]({url})"));
                    } else {
                        out.push_str(&text);
                    }
                    i = end;
                }
                None => {
                    out.push_str("\\[");
                    i += 1;
                }
            },
            ']' => {
                out.push_str("\\]");
                i += 1;
            }
            '<' => match autolink(&chars, i) {
                Some(end) => {
                    out.extend(&chars[i..end]);
                    i = end;
                }
                None => {
                    out.push_str("\\<");
                    i += 1;
                }
            },
            '~' => {
                out.push_str("\\~");
                i += 1;
            }
            'h' if starts_url(&chars, i) => {
                let end = url_end(&chars, i);
                out.push('<');
                out.extend(&chars[i..end]);
                out.push('>');
                i = end;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn count(chars: &[char], from: usize, c: char) -> usize {
    chars[from..].iter().take_while(|x| **x == c).count()
}

/// The start of the next run of exactly `run` backticks at or after `from`.
fn find_run(chars: &[char], from: usize, run: usize) -> Option<usize> {
    let mut i = from;
    while i < chars.len() {
        if chars[i] == '`' {
            let n = count(chars, i, '`');
            if n == run {
                return Some(i);
            }
            i += n;
        } else {
            i += 1;
        }
    }
    None
}

/// An inline link `[text](url)` starting at `start`: its text, url and end.
fn link(chars: &[char], start: usize) -> Option<(String, String, usize)> {
    let mut depth = 0usize;
    let mut close = None;
    for (j, c) in chars.iter().enumerate().skip(start) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(j);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let mut depth = 0usize;
    for (j, c) in chars.iter().enumerate().skip(close + 1) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    let text: String = chars[start + 1..close].iter().collect();
                    let url: String = chars[close + 2..j].iter().collect();
                    if url.contains(char::is_whitespace) {
                        return None;
                    }
                    return Some((text, url, j + 1));
                }
            }
            c if c.is_whitespace() => return None,
            _ => {}
        }
    }
    None
}

/// The end of an autolink `<https://...>` starting at `start`, if it is one.
fn autolink(chars: &[char], start: usize) -> Option<usize> {
    if !starts_url(chars, start + 1) {
        return None;
    }
    for (j, c) in chars.iter().enumerate().skip(start + 1) {
        if *c == '>' {
            return Some(j + 1);
        }
        if c.is_whitespace() || *c == '<' {
            return None;
        }
    }
    None
}

fn starts_url(chars: &[char], at: usize) -> bool {
    let rest: String = chars.iter().skip(at).take(8).collect();
    let boundary = at == 0 || !chars[at - 1].is_ascii_alphanumeric();
    boundary && (rest.starts_with("http://") || rest.starts_with("https://"))
}

/// The end of a bare URL starting at `start`: up to whitespace or a character that cannot
/// be in it, without trailing punctuation.
fn url_end(chars: &[char], start: usize) -> usize {
    let mut end = start;
    while end < chars.len() {
        let c = chars[end];
        if c.is_whitespace() || !c.is_ascii() || matches!(c, '<' | '>' | '"' | '`' | '\'') {
            break;
        }
        end += 1;
    }
    while end > start {
        let last = chars[end - 1];
        let open = chars[start..end].iter().filter(|c| **c == '(').count();
        let shut = chars[start..end].iter().filter(|c| **c == ')').count();
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | ']' | '*' | '\\')
            || (last == ')' && shut > open)
        {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_kept() {
        assert_eq!(
            sanitize_markdown("The ID of the request.\n"),
            "The ID of the request."
        );
        assert_eq!(
            sanitize_markdown("Valid values:\n\n*   true: on.\n*   false: off.\n"),
            "Valid values:\n\n*   true: on.\n*   false: off."
        );
    }

    #[test]
    fn brackets_that_are_not_links_are_escaped() {
        assert_eq!(
            sanitize_markdown("Ticket [%s] has expired."),
            "Ticket \\[%s\\] has expired."
        );
        assert_eq!(sanitize_markdown("a ] b"), "a \\] b");
        assert_eq!(sanitize_markdown("already \\[x\\]"), "already \\[x\\]");
    }

    #[test]
    fn links() {
        assert_eq!(
            sanitize_markdown("see [Rules](https://www.alibabacloud.com/help/en/x)."),
            "see [Rules](https://www.alibabacloud.com/help/en/x)."
        );
        assert_eq!(
            sanitize_markdown("call [DescribePricingModule](~~96469~~) first"),
            "call DescribePricingModule first"
        );
        assert_eq!(sanitize_markdown("[a [b]](#x)"), "a \\[b\\]");
    }

    #[test]
    fn bare_urls_become_autolinks() {
        assert_eq!(
            sanitize_markdown("See https://example.com/a?b=c."),
            "See <https://example.com/a?b=c>."
        );
        assert_eq!(
            sanitize_markdown("(https://example.com/x)"),
            "(<https://example.com/x>)"
        );
        assert_eq!(
            sanitize_markdown("<https://example.com>"),
            "<https://example.com>"
        );
        assert_eq!(
            sanitize_markdown("`https://example.com`"),
            "`https://example.com`"
        );
    }

    #[test]
    fn html_tags() {
        assert_eq!(sanitize_markdown("a<br>b<br/>c"), "a\nb\nc");
        assert_eq!(
            sanitize_markdown("BssResult<Response<X>>"),
            "BssResult\\<Response\\<X>>"
        );
        assert_eq!(
            sanitize_markdown("<notice>Careful.</notice>"),
            "**Note:** Careful."
        );
        assert_eq!(sanitize_markdown("1 < 2"), "1 \\< 2");
    }

    #[test]
    fn code_spans_are_verbatim() {
        assert_eq!(
            sanitize_markdown("use `a[0]<b>` here"),
            "use `a[0]<b>` here"
        );
        assert_eq!(sanitize_markdown("odd ` tick"), "odd \\` tick");
        assert_eq!(sanitize_markdown("tilde ~~x~~"), "tilde \\~\\~x\\~\\~");
    }

    #[test]
    fn no_indented_code_blocks() {
        assert_eq!(sanitize_markdown("a\n\n    fn x() {}\n"), "a\n\nfn x() {}");
        // A nested list keeps its indentation.
        assert_eq!(
            sanitize_markdown("*   a:\n\n    *   0: x\n    *   1: y\n\n*   b"),
            "*   a:\n\n    *   0: x\n    *   1: y\n\n*   b"
        );
    }

    #[test]
    fn fences_become_text() {
        assert_eq!(
            sanitize_markdown("x\n```json\n{\"a\": [1]}\n```"),
            "x\n\n```text\n{\"a\": [1]}\n```"
        );
        assert_eq!(sanitize_markdown("```\nopen"), "```text\nopen\n```");
    }

    #[test]
    fn lazy_continuations_are_indented_and_quotes_closed() {
        assert_eq!(
            sanitize_markdown("*   item\nmore\n\nafter"),
            "*   item\n    more\n\nafter"
        );
        assert_eq!(sanitize_markdown("> note\nnext"), "> note\n\nnext");
        assert_eq!(sanitize_markdown("1.  one\n2.  two"), "1.  one\n2.  two");
    }

    #[test]
    fn later_numbers_are_siblings_however_indented() {
        // As in xtee's `openUserType`: clippy's `doc_overindented_list_items` otherwise.
        assert_eq!(
            sanitize_markdown("Kinds:\n\n1. New.\n  2. Old.\n    3. Pay.\n\nAfter."),
            "Kinds:\n\n1. New.\n2. Old.\n3. Pay.\n\nAfter."
        );
        // A real nested list keeps its indentation.
        assert_eq!(
            sanitize_markdown("1. a\n   1. a.1\n   2. a.2\n2. b"),
            "1. a\n   1. a.1\n   2. a.2\n2. b"
        );
        assert_eq!(
            sanitize_markdown("*   a\n    1. x\n    2. y\n*   b"),
            "*   a\n    1. x\n    2. y\n*   b"
        );
    }

    #[test]
    fn tabs_and_blank_lines() {
        assert_eq!(sanitize_markdown("\n\na\tb\n\n\n\nc\n\n"), "a    b\n\nc");
    }

    #[test]
    fn inline_summaries() {
        assert_eq!(
            inline("Queries  the\nvouchers [x]."),
            "Queries the vouchers \\[x\\]."
        );
    }
}
