"""Units of measure as Pint's registry names them: what unit a run of words names, and the vocabulary.

Pint's registry (`registry()`, loaded once per process on first use, ~1 s) knows the names,
symbols, plurals and prefixes of units ("km", "kilometres", "MPa", "°F", "mph", "nautical
miles"). `read(text, pos)` reads the longest run of words at `pos` that names a unit, with a
small grammar for what news writes around the names: "per"/"/"/"an" quotients ("miles per
hour", "km/h", "metres a second"), squares and cubes ("sq ft", "square kilometres", "km²",
"cubic metres"), hyphenated products ("pound-feet", "kilowatt-hours") and a degree with its
scale ("degrees Celsius", "degrees F").

The canonical unit is a name of the registry, prefix included ("kilometer", "degree_Celsius",
"mile_per_hour", "square_foot"); a unit the registry does not name is composed from names the
way the registry names its own compounds: "square_X", "cubic_X", "X_per_Y"
("kilometer_per_liter"). `is_canonical` accepts exactly these. Lookups are cached by spelling.
Which readings are taken (a spaced "in" is a word, "pound" may be money) is decided in `units`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pint

_NOT_A_NUMBER = r"(?!\d|[.,]\d)"  # after a power digit: "km2." ends a sentence; "A2.5" is no power
_TOKEN = re.compile(rf"°\s?[A-Za-z]?|[A-Za-zµμΩ](?:[A-Za-zµμΩ]|\.(?=[A-Za-z]))*\.?[²³]?(?:[23]{_NOT_A_NUMBER})?")
RE_POWER = re.compile(rf"[23²³]{_NOT_A_NUMBER}")  # a power written after a unit letter ("m2", "m²")
_SEP = re.compile(r"\s*/\s*|-|\s+(?:per|an?)\s+|\s+", re.I)
_POWERS = {"square": "square", "sq": "square", "sq.": "square", "cubic": "cubic", "cu": "cubic", "cu.": "cubic"}
_SUFFIX_POWERS = {"²": "square", "2": "square", "³": "cubic", "3": "cubic"}
MAX_WORDS = 4
# decimal prefixes news writes with units (not atto-, zepto-, ronto-, nor binary kibi-)
_PREFIXES = frozenset({"pico", "nano", "micro", "milli", "centi", "deci", "hecto", "kilo", "mega", "giga", "tera", "peta"})


@dataclass(frozen=True, slots=True)
class Reading:
    unit: str  # canonical name
    end: int  # end of the unit's words
    words: int  # how many words were read


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """Pint's default registry, loaded once per process (no cache folder: nothing written to disk)."""
    return pint.UnitRegistry(cache_folder=None)


@lru_cache(maxsize=8192)
def name_of(spelling: str) -> str | None:
    """The registry's canonical name (prefix included) for one spelling: "km" -> "kilometer",
    "metres" -> "meter", "°F" -> "degree_Fahrenheit", "m.p.h" -> "mile_per_hour"; None if none."""
    w = spelling.replace("º", "°").replace("μ", "µ").replace(" ", "")
    if "." in w:
        w = w.replace(".", "")
    if not w:
        return None
    found = _parse(w)
    if found is None and len(w) > 2 and w[0].isupper() and w[1:].islower():
        found = _parse(w.lower())  # "Celsius", "Kelvin"
    return found


def _parse(w: str) -> str | None:
    try:
        options = registry().parse_unit_name(w)
    except (pint.errors.DefinitionSyntaxError, ValueError, AttributeError):
        return None
    plain = sorted(options, key=lambda o: bool(o[0]))  # "kt": knot before kilo-tonne
    for prefix, name, _ in plain:
        if _written_as(w, prefix, name):
            return prefix + name
    return None


def _written_as(w: str, prefix: str, name: str) -> bool:
    """Whether `w` spells prefix+name the way units are written: a prefix symbol with a unit symbol
    ("km", "MPa") or a prefix name with a unit name ("kilometres"), a plural only of a name ("has"
    is no hectares), a common decimal prefix, and a physical constant only by a name of 3+ letters."""
    reg = registry()
    unit = reg._units[name]  # noqa: SLF001 - Pint keeps definitions there; there is no public accessor
    rest, prefix_is_symbol = w, None
    if prefix:
        if prefix not in _PREFIXES:
            return False
        symbol = reg._prefixes[prefix].symbol  # noqa: SLF001
        if w.startswith(prefix):
            rest, prefix_is_symbol = w[len(prefix):], False
        elif symbol and w.startswith(symbol):
            rest, prefix_is_symbol = w[len(symbol):], True
        else:
            return False
    symbols = {unit.symbol, *(a for a in unit.aliases if len(a) <= 3)} - {None, "_"}
    names = {unit.name, *unit.aliases}
    as_name = rest in names or _plural_of(rest, names)
    if not as_name and rest not in symbols:
        return False
    if prefix_is_symbol is not None and not (prefix_is_symbol and rest in symbols or not prefix_is_symbol and as_name):
        return False  # "kmetre", "kilom"
    return not (name in _constants() and len(rest) < 3)


def _plural_of(word: str, names: set[str]) -> bool:
    return any(word in (n + "s", n + "es") or (n.endswith("y") and word == n[:-1] + "ies") for n in names if len(n) > 2)


@lru_cache(maxsize=1)
def _constants() -> frozenset[str]:
    """Names of Pint's physical constants ("c", "e", "k" are letters, not units, in text)."""
    path = Path(pint.__file__).resolve().parent / "constants_en.txt"
    return frozenset(m.group(1) for m in re.finditer(r"^([A-Za-z_]\w*)\s*=", path.read_text(encoding="utf-8"), re.M))


@lru_cache(maxsize=4096)
def dimensionality(unit: str) -> str:
    """Pint's dimensionality of a canonical unit ("[length]", "[time]", "[length] / [time]"), "" if unknown."""
    try:
        return str(registry().get_dimensionality(_as_expression(unit)))
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, ValueError, AssertionError):
        return ""


def is_time(unit: str | None) -> bool:
    return unit is not None and dimensionality(unit) == "[time]"


def _as_expression(unit: str) -> str:
    """A canonical unit as an expression Pint parses: "square_meter" -> "meter ** 2"."""
    for word, power in (("square_", 2), ("cubic_", 3)):
        if unit.startswith(word) and name_of(unit) != unit:
            return f"({_as_expression(unit[len(word):])}) ** {power}"
    if "_per_" in unit and name_of(unit) != unit:
        a, b = unit.split("_per_", 1)
        return f"({_as_expression(a)}) / ({_as_expression(b)})"
    return unit


@lru_cache(maxsize=4096)
def is_canonical(unit: str) -> bool:
    """Whether `unit` is a canonical name: a registry name, or "square_X", "cubic_X", "X_per_Y" of canonical names."""
    if name_of(unit) == unit:
        return True
    for word in ("square_", "cubic_"):
        if unit.startswith(word):
            return is_canonical(unit[len(word):])
    if "_per_" in unit:
        a, b = unit.split("_per_", 1)
        return is_canonical(a) and is_canonical(b)
    return False


# --------------------------------------------------------------------------- reading text


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int
    sep: str  # the separator before it: "", " ", "-", "/", "per", "a"


def words_at(text: str, pos: int, limit: int = MAX_WORDS) -> list[_Word]:
    """The unit-like words from `pos` (letters, symbols, a trailing dot or power), with their separators."""
    out: list[_Word] = []
    p, sep = pos, ""
    while len(out) < limit:
        m = _TOKEN.match(text, p)
        if not m:
            break
        out.append(_Word(m.group(0), m.start(), m.end(), sep))
        s = _SEP.match(text, m.end())
        if not s:
            break
        raw = s.group(0).strip().lower()
        sep = raw if raw in ("/", "-", "per") else ("a" if raw in ("a", "an") else " ")
        p = s.end()
    return out


def read(text: str, pos: int) -> Reading | None:
    """The longest run of words at `pos` naming a unit (see the module's grammar)."""
    ws = words_at(text, pos)
    for k in range(len(ws), 0, -1):
        words = tuple((w.text, w.sep) for w in ws[:k])
        unit = phrase_unit(words)
        if unit is not None:
            end = ws[k - 1].end
            last, sep = words[-1]
            if last.endswith(".") and len(last) > 1 and phrase_unit(words[:-1] + ((last[:-1], sep),)) == unit:
                end -= 1  # a sentence's full stop after "km." or "miles per hour."
            return Reading(unit, end, k)
    return None


@lru_cache(maxsize=16384)
def phrase_unit(words: tuple[tuple[str, str], ...]) -> str | None:
    """The canonical unit of a run of (word, separator-before) pairs, or None."""
    for i, (_, sep) in enumerate(words):
        if i and sep in ("/", "per", "a"):
            x, y = _simple(words[:i]), _simple(words[i:])
            if x is None or y is None or (sep == "a" and not is_time(y)):
                return None
            return name_of(f"{x}_per_{y}") or f"{x}_per_{y}"
    return _simple(words)


def _simple(words: tuple[tuple[str, str], ...]) -> str | None:
    texts = [w for w, _ in words]
    first = texts[0].lower()
    if first in _POWERS and len(texts) > 1:
        base = _simple(words[1:])
        return None if base is None else _power(_POWERS[first], base)
    if len(texts) > 1 and texts[-1].lower() in ("squared", "cubed"):
        base = _simple(words[:-1])
        return None if base is None else _power("square" if texts[-1].lower() == "squared" else "cubic", base)
    if len(texts) == 1:
        return _single(texts[0])
    if any(sep not in (" ", "-") for _, sep in words[1:]):
        return None
    joined = name_of("_".join(texts))
    if joined is not None:
        return joined
    parts = [name_of(t) for t in texts]
    if len(texts) == 2 and parts[0] == "degree":  # "degrees C", "degrees Celsius"
        scale = name_of("deg" + texts[1]) or name_of(texts[1].lower())
        return scale if scale is not None and dimensionality(scale) == "[temperature]" else None
    if len(texts) == 2 and None not in parts and words[1][1] == "-":
        return name_of(f"{parts[1]}_{parts[0]}")  # "pound-feet" -> foot_pound
    return None


def _single(word: str) -> str | None:
    unit = name_of(word)
    if unit is None and word[-1:] in _SUFFIX_POWERS and len(word) > 1:
        base = name_of(word[:-1])  # "km2", "m³"
        if base is None or word[-1].isdigit() and dimensionality(base) != "[length]":
            return None  # a digit squares only a length ("km2"): "MP3", "A4" and "B2" are names
        return _power(_SUFFIX_POWERS[word[-1]], base)
    return unit


def _power(word: str, base: str) -> str:
    return name_of(f"{word}_{base}") or f"{word}_{base}"
