"""`raw/articles`: the articles folder, hashed, into raw.articles. Bad files are recorded in
quality.ingest_issues with their reason and the run goes on; nothing is ever deleted from raw."""

from datetime import datetime, timezone

import dagster as dg
import pandas as pd

from transforms.articles import ManifestError, UnreadableArticle, decode_article, parse_manifest, sha256

from .resources import ArticlesFolder, Warehouse

RAW_ARTICLES = dg.AssetKey(["raw", "articles"])


def read_folder(folder, log, known: dict | None = None) -> tuple[list[dict], list[dict]]:
    """Articles and ingest issues found in the folder (manifest rows first, then unlisted files).
    `known` maps article_id to (file, size, mtime_ns, published) as last ingested: such a file,
    untouched since, is not read or hashed again (it comes back with `unchanged` set)."""
    known = known or {}
    if not folder.is_dir():
        raise dg.Failure(f"articles folder {folder} does not exist (set MIGRATION_ARTICLES_DIR)")
    articles: dict[str, dict] = {}
    issues, listed = [], set()
    manifest = folder / "manifest.csv"
    rows = []
    if manifest.exists():
        try:
            rows = parse_manifest(manifest.read_bytes().decode("utf-8", errors="replace"), manifest.name)
        except ManifestError as exc:
            raise dg.Failure(str(exc)) from exc
    root = folder.resolve()
    for row in rows:
        if row.problem:
            issues.append({"file": row.file, "article_id": row.article_id, "issue": f"manifest line {row.line}: "
                                                                                      f"{row.problem}"})
        if not row.usable:
            continue
        path = (folder / row.file)
        if not _inside(path, folder, root):  # a symlink out of the folder is refused too
            issues.append({"file": row.file, "article_id": row.article_id,
                           "issue": f"manifest line {row.line}: path leaves the articles folder: refused, not read"})
            continue
        listed.add(path.name if path.parent == folder else str(path.resolve()))
        if not path.is_file():
            issues.append({"file": row.file, "article_id": row.article_id,
                           "issue": f"manifest line {row.line}: file does not exist"})
            continue
        _read_article(path, row.article_id, row.published, row.note, articles, issues, log, known)
    for path in sorted(folder.glob("*.txt")):
        if path.name in listed or not _inside(path, folder, root):
            continue
        _read_article(path, path.stem, None, None, articles, issues, log, known)
    return list(articles.values()), issues


def _inside(path, folder, root) -> bool:
    """Whether a path stays in the articles folder. A plain file directly in it does (manifest paths
    with `..` or an absolute path were refused already); anything else is resolved, links followed."""
    if path.parent == folder and not path.is_symlink():
        return True  # no resolve(): it costs more than reading the file, times 100,000 articles
    return path.resolve().is_relative_to(root)


def _read_article(path, article_id, published, note, articles, issues, log, known):
    if article_id in articles:  # a manifest id that an unlisted file's stem repeats: first wins
        issues.append({"file": path.name, "article_id": article_id,
                       "issue": f"article_id already used by {articles[article_id]['source_path']}: not ingested"})
        return
    stat = path.stat()
    if known.get(article_id) == (path.name, stat.st_size, stat.st_mtime_ns, published):
        articles[article_id] = {"article_id": article_id, "unchanged": True, "source_path": path.name}
        return
    data = path.read_bytes()
    try:
        decoded = decode_article(data)
    except UnreadableArticle as exc:
        issues.append({"file": path.name, "article_id": article_id, "issue": str(exc)})
        return
    if decoded.warning:
        log.warning(f"{path.name}: {decoded.warning}")
        issues.append({"file": path.name, "article_id": article_id, "issue": f"warning: {decoded.warning}"})
    articles[article_id] = {"article_id": article_id, "published": published, "source_path": path.name,
                            "sha256": sha256(data), "text": decoded.text, "encoding": decoded.encoding, "note": note,
                            "file_size": stat.st_size, "file_mtime_ns": stat.st_mtime_ns, "unchanged": False}


@dg.asset(key=RAW_ARTICLES, group_name="raw", kinds={"duckdb"},
          description="Every article in the articles folder, hashed; changed articles keep their old text in "
                      "raw.article_versions. Unreadable files go to quality.ingest_issues.")
def raw_articles(context: dg.AssetExecutionContext, warehouse: Warehouse, articles: ArticlesFolder):
    with warehouse.connect() as con:
        known = {a: (f, size, mtime, p) for a, f, size, mtime, p in con.execute(
            "select article_id, source_path, file_size, file_mtime_ns, published from raw.articles").fetchall()}
    found, issues = read_folder(articles.folder, context.log, known)
    unchanged = sum(1 for a in found if a["unchanged"])
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    frame = pd.DataFrame([a for a in found if not a["unchanged"]],
                         columns=["article_id", "published", "source_path", "sha256", "text", "encoding", "note",
                                  "file_size", "file_mtime_ns"])
    frame["published"] = pd.to_datetime(frame["published"]).dt.date
    frame["ingested_at"] = now
    issue_frame = pd.DataFrame(issues, columns=["file", "article_id", "issue"])
    with warehouse.connect() as con:
        con.register("incoming", frame)
        con.register("incoming_issues", issue_frame)
        con.begin()
        # new or changed content (or a corrected date) replaces the current row; the old one is kept
        con.execute("""
            create or replace temp table changed as
            select i.* from incoming i left join raw.articles a using (article_id)
            where a.article_id is null or a.sha256 <> i.sha256 or a.published is distinct from i.published""")
        con.execute("""
            insert into raw.article_versions
            select a.article_id, a.published, a.source_path, a.sha256, a.text, a.ingested_at, $now
            from raw.articles a join changed c using (article_id)""", {"now": now})
        con.execute("delete from raw.articles where article_id in (select article_id from changed)")
        con.execute("""insert into raw.articles
                       select article_id, published, source_path, sha256, text, ingested_at, encoding, note,
                              file_size, file_mtime_ns
                       from changed""")
        # a file rewritten with the same content keeps its row; only its size and time are refreshed
        con.execute("""update raw.articles a set file_size = i.file_size, file_mtime_ns = i.file_mtime_ns
                       from incoming i where a.article_id = i.article_id""")
        con.execute("delete from quality.ingest_issues")
        con.execute("insert into quality.ingest_issues select $run_id, file, article_id, issue, $now "
                    "from incoming_issues", {"run_id": context.run.run_id, "now": now})
        changed = con.execute("select count(*) from changed").fetchone()[0]
        total = con.execute("select count(*) from raw.articles").fetchone()[0]
        con.commit()
    for issue in issues:
        context.log.warning(f"ingest issue: {issue['file']}: {issue['issue']}")
    return dg.MaterializeResult(metadata={
        "articles_in_folder": len(found), "new_or_changed": changed, "not_read_again": unchanged,
        "articles_in_raw": total,
        "ingest_issues": len(issues),
        "issues": dg.MetadataValue.md(_issues_markdown(issues)),
    })


def _issues_markdown(issues: list[dict]) -> str:
    if not issues:
        return "No ingest issues."
    lines = ["| file | article_id | issue |", "|---|---|---|"]
    lines += [f"| {i['file']} | {i['article_id'] or ''} | {i['issue'].replace('|', '/')} |" for i in issues[:50]]
    return "\n".join(lines)
