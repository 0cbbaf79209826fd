"""The `vnlex` command line: ingest, show, eval, serve. Every command takes --index."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import typer

from ingest.index_contract import BackendError
from search_api.backends import open_backend
from search_api.settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="vnlex: Vietnamese anti-trafficking law search")
INDEX_HELP = (
    "Index URL: sqlite:///FILE (embedded, default in the user data directory) or http://HOST:9200 (Elasticsearch)"
)


def fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=1)


def settings_with(index: str | None) -> Settings:
    settings = Settings()
    if index:
        settings.index_url = index
    return settings


def backend_for(settings: Settings):
    return open_backend(
        settings.index_url, username=settings.es_username, password=settings.es_password, ca_certs=settings.es_ca_certs
    )


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(None, help="Files or folders (default: ../shared/corpus)"),
    index: str | None = typer.Option(None, "--index", help=INDEX_HELP),
    workers: int | None = typer.Option(None, help="Worker processes for parsing and segmentation"),
    force: bool = typer.Option(False, help="Re-ingest files whose content hash is unchanged"),
    recreate: bool = typer.Option(False, help="Delete the index first (after an index version change)"),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON"),
) -> None:
    """Parse, analyse and index documents; ends with a report of what was skipped and why."""
    from ingest.pipeline import ingest_paths
    from search_api.progress import ProgressPrinter

    settings = settings_with(index)
    targets = paths or [settings.corpus_dir]
    missing = [str(p) for p in targets if not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}")
    try:
        backend = backend_for(settings)
        if recreate:
            backend.drop()
            backend = backend_for(settings)
        with ProgressPrinter(enabled=not as_json) as printer:
            report = ingest_paths(
                targets,
                backend,
                today=settings.effective_today(),
                workers=workers or settings.workers,
                max_file_bytes=int(settings.max_file_mb * 1e6),
                force=force,
                progress=printer.update,
            )
    except BackendError as error:
        fail(str(error))
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    for line in summary_lines(report.to_dict(), settings.index_url):
        typer.echo(line)


def _n(value: int) -> str:
    return f"{value:,}"


def summary_lines(summary: dict, index_url: str) -> list[str]:
    """The ingest summary: what this run read, then what the index holds, under the names
    /api/health uses (ingest.index_contract.INDEX_COUNTS), so the two never seem to disagree."""
    files = summary["files"]
    lines = [
        f"This run: {files['ingested']} files ingested, {files['unchanged']} unchanged, {files['skipped']} skipped: "
        f"{_n(summary['documents_with_text'])} documents with text, {_n(summary['articles'])} articles, "
        f"{_n(summary['relations'])} relations"
        + (
            f"; {summary['catalogued_only']} catalogued-only documents ({summary['relations_from_catalogue']} "
            "relations) from corpus/catalogue.json"
            if summary["catalogued_only"]
            else ""
        )
    ]
    lines += [f"  skipped {item['path']}: {item['reason']}" for item in summary["skipped"]]
    held = summary.get("index") or {}
    if held:
        lines.append(
            f"Index now holds (as /api/health reports): {_n(held['files'])} files, "
            f"{_n(held['documents'])} documents ({_n(held['documents_with_text'])} with text + "
            f"{held['catalogued_only']} catalogued only, no text), {_n(held['articles'])} articles, "
            f"{_n(held['relations'])} relations ({_n(held['relations_from_catalogue'])} from the catalogue)"
        )
    lines.append(f"Index: {index_url}")
    return lines


@app.command()
def show(
    number: str = typer.Argument(..., help="Document number, e.g. 09/2013/NĐ-CP (case and diacritics forgiven)"),
    article: str | None = typer.Option(None, "--article", help="Article number, e.g. 32"),
    index: str | None = typer.Option(None, "--index", help=INDEX_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON"),
) -> None:
    """Print a stored document or one article with metadata, structure and relations."""
    from search_api.views import article_view, document_view

    settings = settings_with(index)
    try:
        backend = backend_for(settings)
        document = backend.get_document(number)
        if document is None:
            fail(f"document {number} is not in the index {settings.index_url}")
        incoming = backend.incoming_relations(document.number)
    except BackendError as error:
        fail(str(error))
    data = document_view(document, incoming)
    if article is not None:
        article_data = article_view(document, article, incoming)
        if article_data is None:
            fail(f"{document.number} has no article {article}")
        data = article_data
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from search_api.views import render_text

        typer.echo(render_text(data))


@app.command()
def serve(
    index: str | None = typer.Option(None, "--index", help=INDEX_HELP),
    host: str | None = typer.Option(None, help="Address to listen on (default 127.0.0.1: local only)"),
    port: int | None = typer.Option(None, help="Port (default 8000)"),
    workers: int = typer.Option(1, help="Server processes"),
) -> None:
    """Serve the web UI and the JSON API (OpenAPI docs at /docs)."""
    import os

    import uvicorn

    settings = settings_with(index)
    host, port = host or settings.host, port or settings.port
    refuse_busy_port(host, port)
    typer.echo(f"vnlex on http://{host}:{port}/ — index {settings.index_url}")
    # SIGTERM/Ctrl-C: stop accepting, give requests in flight 10 s, then stop background jobs.
    # No access log: at log level warning it printed nothing, yet every request still went through it.
    # uvicorn picks uvloop and httptools on its own when they are installed (they are dependencies).
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "access_log": False,
        "timeout_graceful_shutdown": 10,
    }
    if workers > 1:
        # Each worker process builds its own app from the environment, and stops when this process dies
        # (a kill -9 of `vnlex serve` left both workers serving on: search_api.app.create_app).
        os.environ["VNLEX_INDEX_URL"] = settings.index_url
        os.environ["VNLEX_SERVER_WORKER"] = "1"
        uvicorn.run("search_api.app:create_app", factory=True, workers=workers, **options)
    else:
        from search_api.app import create_app

        application = create_app(settings)
        try:
            uvicorn.run(application, **options)
        finally:
            # A running reindex stops at its next step; its staging copy is discarded.
            application.state.vnlex.jobs.shutdown(timeout=15)


def refuse_busy_port(host: str, port: int) -> None:
    """A busy port gets a sentence naming the flag, not uvicorn's bare [Errno 98]."""
    import errno
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                fail(
                    f"port {port} on {host} is already in use (another vnlex serve, or another program); "
                    f"stop it or choose another port, e.g. `vnlex serve --port {port + 1}`"
                )
            fail(f"cannot listen on {host}:{port}: {error.strerror or error}")


@app.command(name="eval")
def evaluate_command(
    questions: list[Path] = typer.Option(..., "--questions", help="Questions JSON (ALQAC format); repeat for several"),
    law: Path | None = typer.Option(None, "--law", help="ALQAC-format laws JSON to index first"),
    index: str | None = typer.Option(None, "--index", help=INDEX_HELP + " (with --law: a temporary index by default)"),
    workers: int = typer.Option(2, help="Worker processes for segmentation when indexing --law"),
    answers: bool = typer.Option(
        False, "--answers", help="Also score /api/ask answers: fact in first quote, declines, news, expired, latency"
    ),
    answers_only: bool = typer.Option(False, "--answers-only", help="Score answers only, skip retrieval"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON"),
) -> None:
    """Score retrieval (Recall@1/5/10, MRR@10, F2@1, also without diacritics) and, with --answers, the answers."""
    import multiprocessing
    import tempfile

    from ingest.dispatch import sha256
    from ingest.pipeline import analyse_documents
    from search_api.evaluation import alqac_documents, evaluate, load_json
    from search_api.search import SearchService

    answers = answers or answers_only
    for path in [*questions, law]:
        if path is not None and not path.is_file():
            fail(f"no such file: {path}")
    if law is not None and index is None:
        index = f"sqlite:///{tempfile.mkdtemp(prefix='vnlex-eval-')}/alqac.sqlite"
    if (
        law is not None
        and index is not None
        and index.startswith("http")
        and urlsplit(index).path.strip("/") in ("", "vnlex")
    ):
        fail("an evaluation corpus must not go into the main indexes: add a prefix, e.g. http://127.0.0.1:9200/alqac")
    settings = settings_with(index)
    files = []
    try:
        backend = backend_for(settings)
        if law is not None:
            digest = sha256(law.read_bytes())
            source = f"eval:{law.name}"
            if backend.file_hash(source) != digest:
                documents = alqac_documents(load_json(law))
                with multiprocessing.get_context("fork").Pool(workers) as pool:
                    backend.replace_file(source, digest, analyse_documents(documents, pool))
        service = SearchService(backend)
        answer_service = None
        for path in questions:
            question_list = load_json(path)
            report: dict[str, Any] = {"questions_file": str(path)}
            if answers:
                # Answers first: the first question of the run is then a cold start (first_request_ms).
                from search_api.answer_eval import answer_scores
                from search_api.answers import AnswerService

                answer_service = answer_service or AnswerService(backend, service)
                report["answers"] = answer_scores(answer_service, question_list, settings.effective_today())
            if not answers_only:
                with_gold = [q for q in question_list if q.get("relevant_articles")]
                report["with_diacritics"] = evaluate(service, with_gold)
                report["without_diacritics"] = evaluate(service, with_gold, fold_questions=True)
            files.append(report)
    except BackendError as error:
        fail(str(error))
    # The first file's figures stay at the top level (the shape bench/evaluate.py reads).
    output = {"index": settings.index_url, **files[0], "files": files}
    if as_json:
        typer.echo(json.dumps(output, ensure_ascii=False, indent=2))
        return
    for report in files:
        typer.echo(f"== {report['questions_file']}")
        for name in ("with_diacritics", "without_diacritics"):
            if name in report:
                scores = report[name]
                typer.echo(
                    f"{name}: " + ", ".join(f"{k} {v}" for k, v in scores.items() if not isinstance(v, (list, dict)))
                )
        if "answers" in report:
            from search_api.answer_eval import format_table

            scores = report["answers"]
            typer.echo(f"answers: first request {scores['first_request_ms']} ms")
            typer.echo(format_table(scores))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
