"""`kg eval ner --json` end to end on a tiny corpus and a rule pipeline saved to disk."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import kg.cli.ner_cmds  # noqa: F401  (registers the commands)
from kg.cli.app import app


def test_eval_ner_json_reports_scores_and_speed(tmp_path):
    import spacy

    corpora = tmp_path / "corpora"
    (corpora / "bionlp13cg").mkdir(parents=True)
    (corpora / "bionlp13cg" / "devel.tsv").write_text(
        "p53\tB-Gene_or_gene_product\nbinds\tO\nMDM2\tB-Gene_or_gene_product\n\nHeLa\tB-Cell\ncells\tI-Cell\n\n",
        encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GENE_OR_GENE_PRODUCT", "pattern": "p53"},
                                               {"label": "CELL", "pattern": "HeLa"}])
    nlp.to_disk(tmp_path / "model")

    result = CliRunner().invoke(app, ["eval", "ner", "--corpus", "bionlp13cg", "--split", "dev", "--model",
                                      str(tmp_path / "model"), "--corpora-dir", str(corpora), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    # 2 predictions, 1 exact (p53); gold has 3 spans (p53, MDM2, "HeLa cells")
    assert (report["precision"], report["recall"], report["f1"]) == (50.0, 33.33, 40.0)
    assert report["per_type"]["CELL"]["f1"] == 0.0 and report["per_type"]["GENE_OR_GENE_PRODUCT"]["recall"] == 50.0
    assert report["words_per_second"] > 0 and report["docs_per_second"] > 0


def test_eval_ner_unknown_model_is_a_config_error(tmp_path):
    from kg.errors import ConfigError

    (tmp_path / "bc5cdr" / "iob").mkdir(parents=True)
    (tmp_path / "bc5cdr" / "iob" / "test.tsv").write_text("a\tO\n\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "ner", "--corpus", "bc5cdr", "--model", "no_such_model_xyz",
                                      "--corpora-dir", str(tmp_path)])
    assert isinstance(result.exception, ConfigError)
