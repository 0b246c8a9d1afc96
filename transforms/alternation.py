"""Many tagged alternatives compiled into one regular expression that Python's `re` scans quickly.

`re` tries every alternative of an alternation at every position of the text, so a family of forty
cues costs forty attempts per character. Here the alternatives are grouped by the character they
can start with and the groups written as `n(?:et...|...)`, `e(?:migra...|...)`: `re` skips a group
whose first literal does not match after a single comparison, and only words' first characters
are tried at all. The match found at each position is the same one the plain alternation in
priority order would find (alternatives that share a first character keep their order).
"""
from __future__ import annotations

import re

try:  # the parser of the standard library's own regular expressions (CPython 3.11+)
    from re import _constants as _K, _parser as _P
except ImportError:  # pragma: no cover - other Pythons fall back to the plain alternation
    _K = _P = None


def alternatives(pattern: str) -> list[str]:
    """`a|b(?:c|d)|e` → ["a", "b(?:c|d)", "e"]."""
    parts, depth, start, in_class, i = [], 0, 0, False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _first_chars(items, flags: int) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None: any), and whether it can match empty."""
    out: set[str] = set()
    for op, av in items:
        if op is _K.LITERAL:
            c = chr(av)
            return out | ({c, c.lower(), c.upper()} if flags & re.IGNORECASE else {c}), False
        if op is _K.IN:
            chars = set()
            for o, a in av:
                if o is _K.LITERAL:
                    chars.add(chr(a))
                elif o is _K.RANGE:
                    chars |= {chr(x) for x in range(a[0], a[1] + 1)}
                elif o is _K.CATEGORY and a is _K.CATEGORY_SPACE:
                    chars |= _SPACES
                elif o is _K.CATEGORY and a is _K.CATEGORY_DIGIT:
                    chars.add(r"\d")  # a class escape, kept whole: every Unicode digit
                else:
                    return None, False
            if flags & re.IGNORECASE:
                chars |= {c.lower() for c in chars} | {c.upper() for c in chars}
            return out | chars, False
        if op in (_K.AT, _K.ASSERT, _K.ASSERT_NOT):
            continue  # zero width
        if op is _K.SUBPATTERN:
            _, add, remove, sub = av
            chars, empty = _first_chars(sub.data, (flags | add) & ~remove)
        elif op is _K.BRANCH:
            chars, empty = set(), False
            for alt in av[1]:
                c, e = _first_chars(alt.data, flags)
                if c is None:
                    return None, False
                chars, empty = chars | c, empty or e
        elif op in (_K.MAX_REPEAT, _K.MIN_REPEAT):
            chars, empty = _first_chars(av[2].data, flags)
            empty = empty or av[0] == 0
        else:
            return None, False
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return out, False
    return out, True


def starting_with_first_chars(pattern: str, flags: int = 0) -> re.Pattern:
    """`pattern` compiled so that `re` gives up at once where no character that can begin a match
    stands (a lookahead on the pattern's possible first characters)."""
    chars, empty = _first_chars(_P.parse(pattern, flags).data, flags) if _P else (None, True)
    if chars is None or empty:
        return re.compile(pattern, flags)
    klass = "".join(c if len(c) > 1 else re.escape(c) for c in sorted(chars))
    return re.compile("(?=[" + klass + "])(?:" + pattern + ")", flags)


# What `\s` matches in a str pattern: every whitespace character is below U+3001.
_SPACES = frozenset(chr(i) for i in range(0x3001) if re.match(r"\s", chr(i)))


def _without_first(pattern: str, char: str) -> str | None:
    """The pattern after its leading literal `char` ("net\\s+x" → "et\\s+x"), or None if it does
    not simply begin with that character."""
    p = pattern[2:] if pattern.startswith(r"\b") else pattern
    if p[:1] == char and char.isalnum() and p[1:2] not in ("?", "*", "+", "{"):
        return p[1:]
    return None


def _group_at(pattern: str, i: int) -> int | None:
    """The offset of the ")" that closes the group opened at pattern[i], if it closes."""
    depth, in_class = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


_MAX_EXPANSION = 16  # alternatives one alternative may be written out as


def _expanded(sub: str) -> list[str]:
    """`sub` written as alternatives that each begin with their first character where that is
    simple to do, in the order `re` would try them: `(?:a|b)c` → `ac`, `bc`; `(?:the\\s+)?new` →
    `the\\s+new`, `new`; `(?<!un)employment` → `e(?<!(?:un)e)mployment`. Every alternative starts at
    a word's start, so a leading `\\b` before a letter or digit always holds and is dropped. The
    dispatch of `compile_alternation` then finds each one after a single comparison."""
    if sub.startswith("\\b") and sub[2:3] not in ("", "\\"):
        sub = sub[2:]
    if sub.startswith("(?:"):
        close = _group_at(sub, 0)
        if close is None:
            return [sub]
        inner, after = sub[3:close], sub[close + 1:]
        if after[:1] in ("*", "+", "{") or after[:2] in ("??", "?+"):
            return [sub]
        if after[:1] == "?":  # greedy: with the group first, then without it
            heads, after = alternatives(inner) + [""], after[1:]
        else:
            heads = alternatives(inner)
        out = []
        for head in heads:
            out += _expanded(head + after)
            if len(out) > _MAX_EXPANSION:
                return [sub]
        return out
    if sub.startswith(("(?<=", "(?<!")):
        close = _group_at(sub, 0)
        if close is None:
            return [sub]
        out = []
        for rest in _expanded(sub[close + 1:]):
            if not rest[:1].isalnum() or rest[1:2] in ("?", "*", "+", "{"):
                return [sub]
            # (the character is known, so looking back past it sees what stood before it)
            out.append(rest[0] + sub[:4] + "(?:" + sub[4:close] + ")" + rest[0] + ")" + rest[1:])
        return out
    return [sub]


def compile_alternation(entries: list[tuple[str, str]]) -> tuple[re.Pattern, dict[str, str]]:
    """One regex for tagged alternatives, each matching only at the start of a word; returns the
    regex and the tag of each of its named groups (`tags[m.lastgroup]`)."""
    tagged = [(tag, sub) for tag, pattern in entries for sub in alternatives(pattern)]
    by_char: dict[str, list[tuple[int, str, str]]] = {}
    for i, (tag, sub) in enumerate(tagged):
        chars, empty = _first_chars(_P.parse(sub).data, 0) if _P else (None, True)
        if chars is None or empty or not all(c.isalnum() for c in chars):
            return _plain(tagged)
    written = [(tag, alt) for tag, sub in tagged for alt in _expanded(sub)]
    for i, (tag, sub) in enumerate(written):
        chars, empty = _first_chars(_P.parse(sub).data, 0)
        if chars is None or empty or not all(c.isalnum() for c in chars):
            return _plain(tagged)
        for c in chars:
            by_char.setdefault(c, []).append((i, tag, sub))
    groups, tags = [], {}
    for c, items in sorted(by_char.items()):
        names = [f"a{i}_{ord(c)}" for i, _, _ in items]
        tags.update({name: tag for name, (_, tag, _) in zip(names, items)})
        # runs of alternatives that begin with the plain character, and of those that do not: `re`
        # passes over a run of the first kind after one comparison, over the other after a lookahead
        runs: list[tuple[bool, list[str]]] = []
        for n, (_, _, sub) in zip(names, items):
            rest = _without_first(sub, c)
            plain = rest is not None
            if not runs or runs[-1][0] != plain:
                runs.append((plain, []))
            runs[-1][1].append(f"(?P<{n}>{rest if plain else sub})")
        for plain, alts in runs:
            groups.append((re.escape(c) if plain else f"(?={re.escape(c)})") + "(?:" + "|".join(alts) + ")")
    first = "".join(sorted(by_char))
    return re.compile(r"(?<!\w)(?=[" + re.escape(first) + "])(?:" + "|".join(groups) + ")"), tags


def _plain(tagged: list[tuple[str, str]]) -> tuple[re.Pattern, dict[str, str]]:
    pattern = "|".join(f"(?P<a{i}>{sub})" for i, (_, sub) in enumerate(tagged))
    return re.compile(r"(?<!\w)(?:" + pattern + ")"), {f"a{i}": tag for i, (tag, _) in enumerate(tagged)}


# Words every match must hold, found from the parsed pattern: a search for a few plain words is
# cheaper than trying a long pattern at every position of a window that holds none of them.
_MOST_WORDS = 64  # (sets of exact strings kept while reading a pattern)
# (words too common in news of migration to tell a window apart)
_COMMON = frozenset("a an and are as at be by for from had has have in is it its not of on or that the their "
                    "this to was were who with people those year years number figure figures net migration "
                    "immigration emigration migrants came arrived left".split())


def _word_sets(items, flags) -> tuple[set[str] | None, set[str] | None]:
    """(exact, needed) of a parsed sequence: every string it can match (when few), else strings one
    of which every match holds (None: nothing known)."""
    run, needed, exact = {""}, [], True
    for op, av in items:
        e, r = _node_words(op, av, flags)
        if e is not None:
            joined = {a + b for a in run for b in e}
            if len(joined) > _MOST_WORDS:
                needed.append(run)
                run, exact = e, False
            else:
                run = joined
        else:
            needed.append(run)
            run, exact = {""}, False
            if r is not None:
                needed.append(r)
    if exact:
        return run, None
    needed = [n for n in needed + [run] if n and "" not in n]
    # the most telling set: no common word in it, its shortest string longest, then the fewest strings
    return None, max(needed, key=lambda n: (not n & _COMMON, min(map(len, n)), -len(n)), default=None)


def _plain_char(code: int) -> str | None:
    # (printable ASCII only: which other characters match it, with or without re.IGNORECASE, is known)
    return chr(code).lower() if 32 <= code < 127 else None


def _node_words(op, av, flags):
    if op is _K.LITERAL:
        c = _plain_char(av)
        return ({c} if c else None), None
    if op is _K.IN:
        chars = set()
        for o, a in av:
            if o is _K.LITERAL and _plain_char(a):
                chars.add(_plain_char(a))
            elif o is _K.RANGE and a[1] - a[0] < 4 and all(_plain_char(x) for x in range(a[0], a[1] + 1)):
                chars |= {_plain_char(x) for x in range(a[0], a[1] + 1)}
            else:
                return None, None
        return (chars if len(chars) <= 4 else None), None
    if op in (_K.AT, _K.ASSERT, _K.ASSERT_NOT):
        return {""}, None  # zero width: what a lookaround sees may lie outside the window
    if op is _K.SUBPATTERN:
        _, add, remove, sub = av
        return _word_sets(sub.data, (flags | add) & ~remove)
    if op is _K.ATOMIC_GROUP:
        return _word_sets(av.data, flags)
    if op is _K.BRANCH:
        exact, needed = set(), set()
        for alt in av[1]:
            e, r = _word_sets(alt.data, flags)
            if e is None and r is None:
                return None, None
            needed |= e if e is not None else r
            exact = exact | e if exact is not None and e is not None and len(exact) + len(e) <= _MOST_WORDS else None
        if exact is not None:
            return exact, None
        return None, (needed if "" not in needed else None)
    if op in (_K.MAX_REPEAT, _K.MIN_REPEAT, _K.POSSESSIVE_REPEAT):
        low, high, sub = av
        e, r = _word_sets(sub.data, flags)
        if low == 0:
            return ({""} if e == {""} else None), None
        if low == high == 1:
            return e, r
        return None, (r if r is not None else e)
    return None, None


def required_words(pattern: str, flags: int = 0) -> list[str] | None:
    """Lower-case strings one of which the text of every match holds (lowered, with "ı" and "ſ", which
    re.IGNORECASE matches as "i" and "s", read as those), or None when no such set is telling."""
    if _P is None:
        return None
    e, needed = _word_sets(_P.parse(pattern, flags).data, flags)
    words = e if e is not None else needed
    if not words or min(map(len, words)) < 3:
        return None
    words = sorted(w for w in words if not any(o != w and o in w for o in words))  # "visa" stands for "visas"
    merged: list[str] = []  # "employed", "employing", "employs": "employ" stands for them all
    for w in words:
        common = next((i for i, (x, y) in enumerate(zip(merged[-1], w)) if x != y), min(len(merged[-1]), len(w))) \
            if merged else 0
        if common >= 5:
            merged[-1] = w[:common]
        else:
            merged.append(w)
    return merged


_WINDOW = 400  # longer windows are searched at once: lowering them would cost more than it saves


class Prefiltered:
    """A compiled pattern that looks for its required words in a short window first (search, match and
    finditer with an end position); where none of them stands there is no match to find."""
    __slots__ = ("rx", "words", "pattern", "flags")

    def __init__(self, rx: re.Pattern, words: list[str]):
        self.rx, self.words, self.pattern, self.flags = rx, tuple(words), rx.pattern, rx.flags

    def _absent(self, text: str, pos: int, endpos: int) -> bool:
        if endpos - pos > _WINDOW:
            return False
        window = text[pos:endpos].lower()
        if not window.isascii():
            window = window.replace("ı", "i").replace("ſ", "s").replace("i\u0307", "i")  # ("İ".lower())
        for word in self.words:
            if word in window:
                return False
        return True

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        if endpos is not None and self._absent(text, pos, endpos):
            return None
        return self.rx.search(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        if endpos is not None and self._absent(text, pos, endpos):
            return None
        return self.rx.match(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        if endpos is not None and self._absent(text, pos, endpos):
            return iter(())
        return self.rx.finditer(text, pos, len(text) if endpos is None else endpos)


def prefiltered(rx: re.Pattern) -> re.Pattern | Prefiltered:
    words = required_words(rx.pattern, rx.flags)
    return Prefiltered(rx, words) if words else rx
