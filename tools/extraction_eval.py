"""Score transforms alone (no Dagster, no DuckDB) against a gold figures CSV: fast feedback on rules.

usage: python tools/extraction_eval.py ARTICLES_DIR GOLD_FIGURES_CSV [-v]
"""
import csv
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from transforms.articles import decode_article  # noqa: E402
from transforms.figures import figures_from_article  # noqa: E402


def main(folder, gold_csv, verbose=False):
    folder = Path(folder)
    manifest = {r["file"]: r for r in csv.DictReader(open(folder / "manifest.csv"))}
    figures = []
    for f in sorted(folder.glob("*.txt")):
        row = manifest.get(f.name, {})
        pub = date.fromisoformat(row["published"]) if row.get("published") else None
        figures += figures_from_article(row.get("article_id", f.stem), decode_article(f.read_bytes()).text, pub)
    gold = list(csv.DictReader(open(gold_csv)))

    def match(g, fig):
        same = (g["article_id"] == fig.article_id and g["kind"] == fig.kind and g["flow"] == fig.flow
                and g["breakdown_dim"] == (fig.breakdown_dim or ""))
        if g["required"] == "no" and g["value"] == "":
            return same
        return (same and g["breakdown_value"] == (fig.breakdown_value or "")
                and int(float(g["value"])) == (None if fig.value is None else int(fig.value))
                and (not g["period_end"] or g["period_end"] == str(fig.period_end)))
    uk = [f for f in figures if f.geography == "UK"]
    req = [g for g in gold if g["required"] == "yes"]
    missing = [g for g in req if not any(match(g, f) for f in uk)]
    valid = [f for f in uk if f.status == "valid"]
    extra = [f for f in valid if not any(match(g, f) for g in gold)]
    for g in missing:
        print("MISSING", g["article_id"], g["kind"], g["flow"], g["breakdown_value"], g["period_end"], g["value"])
    for f in extra:
        print("EXTRA  ", f.article_id, f.kind, f.flow, f.breakdown_value, f.period_end, f.value, f.qualifier, "|", f.sentence[:90])
    if verbose:
        for f in figures:
            print(f"  {f.article_id[:6]} {f.status[:5]} {f.geography:9} {f.kind:8} {f.flow:13} {str(f.breakdown_value):20} {f.period_end} {f.period_source or '-':9} {f.value} {f.qualifier} [{f.raw_text}]")
    print(f"recall {len(req)-len(missing)}/{len(req)} precision {len(valid)-len(extra)}/{len(valid)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "-v" in sys.argv)
