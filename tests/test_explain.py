"""``paperkg explain``: every name, sentence and rule behind an entity."""
from __future__ import annotations

from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.explain import explain

from .conftest import DATA


def test_explain_gathers_all_evidence(sample_graph):
    found = explain(sample_graph, "llava v1.5")
    assert found.label == "LLaVA-1.5" and found.type == "model"
    mentions = [e for e in found.evidence if e.relation == "mentions"]
    assert len(mentions) == found.mention_count >= 1
    for evidence in found.evidence:
        assert evidence.mention and evidence.mention in evidence.sentence and evidence.rule
        assert 0 < evidence.confidence <= 1
    assert any(e.relation == "variant_of" and e.statement == "LLaVA-1.5 variant_of LLaVA" for e in found.evidence)


def test_explain_command(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["explain", "mambaout", str(DATA / "000_d19c32d15f532ca7.txt")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("MambaOut (model, model:mambaout)")
    assert "rule paperkg_model:" in result.output and "[proposes]" in result.output
    result = runner.invoke(cli, ["explain", "No Such Model", str(DATA / "000_d19c32d15f532ca7.txt")])
    assert result.exit_code == 2 and "no entity named 'No Such Model'" in result.output
