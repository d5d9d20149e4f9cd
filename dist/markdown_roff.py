# SPDX-License-Identifier: MIT
"""Markdown (as docs/ writes it) to man(7) roff: headings, paragraphs, fenced code, tables and
lists. Used by gen_man.py so the man pages say what the docs say."""

import re


def escape(text):
    """Escapes roff's special characters in running text."""
    return text.replace("\\", "\\e").replace("-", "\\-")


def inline(text):
    """Converts inline markdown (code, bold, italics, links) to roff fonts."""
    out = []
    # Code spans first: their contents are literal.
    for index, part in enumerate(re.split(r"(`[^`]*`)", text)):
        if index % 2:
            out.append("\\fB" + escape(part[1:-1]) + "\\fR")
            continue
        part = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", part)
        part = escape(part)
        part = re.sub(r"\*\*([^*]+)\*\*", r"\\fB\1\\fR", part)
        part = re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", r"\\fI\1\\fR", part)
        out.append(part)
    return "".join(out)


def line_safe(text):
    """Keeps a line from being read as a roff request."""
    return "\\&" + text if text.startswith((".", "'")) else text


def table_cells(line):
    """The cells of a markdown table row (`\\|` is a literal bar)."""
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [cell.strip().replace("\\|", "|") for cell in cells]


def convert(markdown, heading_offset=0):
    """Converts markdown text to roff. `#` headings become .SH from level 2 + heading_offset on,
    deeper ones .SS; the level-1 title is dropped (the page's NAME says it)."""
    out = []
    lines = markdown.splitlines()
    index = 0
    paragraph = []

    def flush():
        if paragraph:
            out.append(".PP")
            out.append(line_safe(inline(" ".join(paragraph))))
            paragraph.clear()

    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        heading = re.match(r"^(#+)\s+(.*)$", line)
        if heading:
            flush()
            level = len(heading.group(1)) - heading_offset
            title = inline(heading.group(2))
            if level <= 1:
                pass
            elif level == 2:
                out.append(".SH " + title.upper().replace("\\FB", "\\fB").replace("\\FR", "\\fR"))
            else:
                out.append(".SS " + title)
            index += 1
        elif stripped.startswith("```"):
            flush()
            indent = len(line) - len(line.lstrip())
            index += 1
            out += [".PP", ".RS 4", ".nf"]
            while index < len(lines) and not lines[index].strip().startswith("```"):
                out.append(line_safe(escape(lines[index][indent:])))
                index += 1
            out += [".fi", ".RE"]
            index += 1
        elif stripped.startswith("|"):
            flush()
            rows = []
            while index < len(lines) and lines[index].strip().startswith("|"):
                cells = table_cells(lines[index])
                if not all(re.fullmatch(r":?-+:?", cell) for cell in cells):
                    rows.append(cells)
                index += 1
            # The header row names the columns; each other row becomes a tagged paragraph.
            for cells in rows[1:]:
                out.append(".TP")
                out.append(line_safe(inline(cells[0])))
                out.append(line_safe(inline("; ".join(cell for cell in cells[1:] if cell))))
        elif re.match(r"^\s*(- |\d+\. )", line):
            flush()
            item = re.match(r"^(\s*)(- |\d+\. )(.*)$", line)
            marker = "\\(bu" if item.group(2) == "- " else item.group(2).strip()
            text = [item.group(3)]
            index += 1
            while (index < len(lines) and lines[index].startswith("  ") and lines[index].strip()
                   and not re.match(r"^\s*(- |\d+\. |```)", lines[index])):
                text.append(lines[index].strip())
                index += 1
            out.append(".IP %s 4" % marker)
            out.append(line_safe(inline(" ".join(text))))
        elif not stripped:
            flush()
            index += 1
        else:
            paragraph.append(stripped)
            index += 1
    flush()
    return "\n".join(out) + "\n"
