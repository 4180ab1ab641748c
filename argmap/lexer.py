"""A Pygments lexer for the argmap language, registered as ``argmap`` (``*.argmap``).

Pygments (which rich already brings) then colours argmap code blocks in MkDocs,
Sphinx, Jupyter and Pandoc, and in terminals: ``pygmentize -l argmap
map.argmap``. It colours what each line is (section 2 of the language); a
line it can't place is plain text, never an error token.
"""

from __future__ import annotations

from pygments.lexer import RegexLexer, bygroups
from pygments.token import (Comment, Generic, Keyword, Name, Operator, Punctuation, String,
                            Text, Whitespace)

_KINDS = r"(?:thesis|claim|premise|evidence|counter|rebuttal|source)"
_ID = r"[a-z][a-z0-9_-]*"
_KEYS = r"(?:cite|url|tags|note|weight|expect|scheme|cq)"


class ArgmapLexer(RegexLexer):
    name = "argmap"
    aliases = ["argmap"]
    filenames = ["*.argmap"]
    mimetypes = ["text/x-argmap"]

    tokens = {
        "root": [
            (r"\A---[ \t]*\n", Comment.Preproc, "front"),
            (r"[ \t]*//.*?$", Comment.Single),
            (r"#{1,6} .*?$", Generic.Heading),
            (r"(include)([ \t]+)(.*?)$", bygroups(Keyword.Namespace, Whitespace, String)),
            (rf"(@{_ID})(\s+)(undercuts|supports|attacks)(\s+)(@{_ID})"
             rf"(?:(\s+)(supports)(\s+)(@{_ID}))?",
             bygroups(Name.Variable, Whitespace, Keyword, Whitespace, Name.Variable,
                      Whitespace, Keyword, Whitespace, Name.Variable)),
            (rf"([ \t]*)([+&~-])([ \t]+)(@{_ID})",
             bygroups(Whitespace, Operator, Whitespace, Name.Variable)),
            (rf"([ \t]*)([+&~-])([ \t]+)({_KINDS})(?:([ \t]+)({_ID}))?(:)",
             bygroups(Whitespace, Operator, Whitespace, Keyword.Type, Whitespace, Name.Label,
                      Punctuation), "text"),
            (rf"([ \t]*)([+&~-])([ \t]+)({_ID})(:)",
             bygroups(Whitespace, Operator, Whitespace, Name.Label, Punctuation), "text"),
            (r"([ \t]*)([+&~-])([ \t]+)", bygroups(Whitespace, Operator, Whitespace), "text"),
            (rf"({_KINDS})(?:([ \t]+)({_ID}))?(:)",
             bygroups(Keyword.Type, Whitespace, Name.Label, Punctuation), "text"),
            (rf"([ \t]+)(cite)(:)([ \t]*)(@{_ID})(.*?)$",
             bygroups(Whitespace, Name.Attribute, Punctuation, Whitespace, Name.Variable,
                      String)),
            (rf"([ \t]+)({_KEYS})(:)(.*?)$",
             bygroups(Whitespace, Name.Attribute, Punctuation, String)),
            (r"\n", Whitespace),
            (r".+?$", Text),
        ],
        "text": [
            (r".*?$", Text, "#pop"),
        ],
        "front": [
            (r"---[ \t]*\n", Comment.Preproc, "#pop"),
            (r"([A-Za-z0-9_-]+)(:)(.*?\n)", bygroups(Name.Attribute, Punctuation, String)),
            (r".*?\n", Comment.Preproc),
        ],
    }
