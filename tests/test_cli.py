"""The CLI's wiring: exit codes and messages users and CI rely on."""
from __future__ import annotations

import contextlib
import datetime as dt
import socket
import subprocess
import sys
import time
import urllib.request

import yaml
from click.testing import CliRunner

from helpgen.content.articles import parse_article
from helpgen.cli import main
from helpgen.content.scaffold import new_article, slugify


def run(*args: str, cwd=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args))
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, list(args))
    finally:
        os.chdir(old)


def test_init_then_build_gives_a_working_site(tmp_path):
    result = run("init", str(tmp_path / "acme-help"))
    assert result.exit_code == 0, result.output
    result = run("build", cwd=tmp_path / "acme-help")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "acme-help/site/index.html").is_file()
    assert (tmp_path / "acme-help/site/returns/how-do-i-return-an-item/index.html").is_file()


def test_init_refuses_a_non_empty_folder(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "notes.txt").write_text("mine")
    result = run("init", str(tmp_path / "x"))
    assert result.exit_code == 1 and "not empty" in result.output
    assert (tmp_path / "x" / "notes.txt").read_text() == "mine"


def test_new_writes_an_article_whose_front_matter_validates(tmp_path):
    run("init", str(tmp_path / "p"))
    result = run("new", 'Can I pay with "Klarna"?', "--category", "payments", "--type", "faq", cwd=tmp_path / "p")
    assert result.exit_code == 0, result.output
    path = tmp_path / "p/content/payments/can-i-pay-with-klarna.md"
    article, problems = parse_article(path.read_text(), "payments/can-i-pay-with-klarna.md")
    assert problems == [] and article.title == 'Can I pay with "Klarna"?' and article.type == "faq"
    again = run("new", 'Can I pay with "Klarna"?', "--category", "payments", cwd=tmp_path / "p")
    assert again.exit_code == 1 and "already exists" in again.output


def test_an_unfinished_new_article_fails_check_strict_until_it_is_written(tmp_path):
    run("init", str(tmp_path / "p"))
    assert run("check", "--strict", cwd=tmp_path / "p").exit_code == 0
    run("new", "Can I pay later?", "--category", "payments", cwd=tmp_path / "p")
    result = run("check", "--strict", cwd=tmp_path / "p")
    assert result.exit_code == 1
    assert "draft-empty-description" in result.output and "draft-placeholder" in result.output
    path = tmp_path / "p/content/payments/can-i-pay-later.md"
    path.write_text(path.read_text().replace("description: \n", "description: Yes, with Klarna.\n")
                    .replace("Write the answer first, in one or two sentences. Then the details.", "Yes, with Klarna."))
    assert run("check", "--strict", cwd=tmp_path / "p").exit_code == 0


def test_new_review_date_is_a_year_later(tmp_path):
    path = new_article(tmp_path, "Leap day", "misc", "guide", today=dt.date(2028, 2, 29))
    front = yaml.safe_load(path.read_text().split("---")[1])
    assert front["review_by"] == dt.date(2029, 2, 28)


def test_slugs_keep_non_ascii_letters():
    assert slugify("How do I return an item?") == "how-do-i-return-an-item"
    assert slugify("Hvordan får jeg pengene retur?") == "hvordan-far-jeg-pengene-retur"
    assert slugify("国际运输需要多长时间？") == "国际运输需要多长时间"


def test_usage_errors_exit_2():
    assert run("new", "Title").exit_code == 2  # --category missing
    assert run("new", "T", "--category", "x", "--type", "memo").exit_code == 2
    assert run("build", "--no-such-flag").exit_code == 2


def test_content_errors_exit_1_with_file_and_line(project):
    project.write("content/orders/bad.md", "---\ntitle: Bad\ntype: memo\n---\n")
    result = run("build", cwd=project.root)
    assert result.exit_code == 1
    assert 'Error: content/orders/bad.md:3:7: type: "memo" is not a known type — use one of: faq, policy, guide' in result.output
    assert "Traceback" not in result.output


def test_support_errors_exit_1_without_traceback(project):
    (project.root / "support.yml").write_text("organization: Acme\ntimezone: Europe/Copenhagen\nhours:\n"
                                              "  monday: 17:30\nchannels: []\n")
    result = run("build", cwd=project.root)
    assert result.exit_code == 1 and "support.yml:4:11: hours.monday: 17:30 was read as the number 1050" in result.output
    assert "Traceback" not in result.output


def test_build_outside_a_project_says_what_to_do(tmp_path):
    result = run("build", cwd=tmp_path)
    assert result.exit_code == 1 and "helpgen init" in result.output


def test_build_site_dir_option(project, tmp_path):
    result = run("build", "--site-dir", str(tmp_path / "out"), cwd=project.root)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out/orders/track/index.html").is_file()


def test_every_command_has_help_text():
    for name, command in main.commands.items():
        assert command.help and command.help.strip(), name
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert param.help, f"{name} --{param.name} has no help"



@contextlib.contextmanager
def preview(project):
    """`helpgen serve` on a free loopback port; yields wait_for(text) -> bool (polls up to 60 s)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "helpgen", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def wait_for(text: str, path: str = "orders/track/") -> bool:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=2) as response:
                    if text in response.read().decode():
                        return True
            except OSError:
                pass
            time.sleep(0.2)
        return False

    try:
        yield wait_for
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_previews_the_site_and_rebuilds_on_save(project):
    with preview(project) as wait_for:
        assert wait_for("data-hg-contact")
        project.article("orders/track.md", "How do I track my order?", "A freshly saved sentence.")
        assert wait_for("A freshly saved sentence.")
    assert not (project.root / "site").exists()  # preview never writes the real site


def test_serve_rebuilds_when_support_yml_changes(project):
    with preview(project) as wait_for:
        assert wait_for("support@acme.example")
        support = project.root / "support.yml"
        support.write_text(support.read_text().replace("support@acme.example", "help@acme.example"))
        assert wait_for("help@acme.example")


def test_serve_starts_with_a_broken_support_yml_shows_the_problems_and_turns_into_the_site_when_fixed(project, tmp_path):
    support = project.root / "support.yml"
    good = support.read_text()
    support.write_text(good.replace("response: 1 business day", "reponse: 1 business day"))
    log = tmp_path / "serve.log"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with open(log, "w") as err:
        server = subprocess.Popen([sys.executable, "-m", "helpgen", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project.root, stdout=subprocess.DEVNULL, stderr=err)

    def page(path: str = "orders/track/") -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=2) as response:
                    return response.read().decode()
            except OSError:
                time.sleep(0.2)
        raise AssertionError("the preview never answered")

    def wait_until(predicate) -> bool:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(0.2)
        return False

    try:
        shown = page()
        assert "The help center does not build" in shown
        assert 'unknown key &quot;channels[email].reponse&quot;' in shown  # escaped, named by the channel id
        assert "support.yml:" in shown and "Fix: did you mean &quot;response&quot;?" in shown
        assert "livereload(" in shown  # the page reloads itself after the next build
        assert "does not build" in page("contact/") and "does not build" in page("")
        support.write_text(good)
        assert wait_until(lambda: "data-hg-contact" in page())
        assert wait_until(lambda: "Fixed — rebuilt" in log.read_text())
        # A broken article, later in the session: the same page, at that file's line, then the site again.
        article = project.article("orders/track.md", "How do I track my order?", type="memo")
        assert wait_until(lambda: "orders/track.md:3:" in page())
        assert 'type: &quot;memo&quot; is not a known type' in page()
        article.write_text(article.read_text().replace("type: memo", "type: faq"))
        assert wait_until(lambda: "data-hg-contact" in page())
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "Error: " in log.read_text()


def test_init_keeps_build_output_and_caches_out_of_git(tmp_path):
    assert run("init", str(tmp_path / "acme-help")).exit_code == 0
    ignored = (tmp_path / "acme-help" / ".gitignore").read_text().splitlines()
    assert {"/site/", ".cache/"} <= set(ignored)
    assert not (tmp_path / "acme-help" / "gitignore").exists()
