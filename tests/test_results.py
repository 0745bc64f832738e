"""Result tuples: scored against hand annotations, typed values, graph nodes and the CSV command."""
from __future__ import annotations

import csv
import time

import pytest
from click.testing import CliRunner

from paperkg import Paper, extract_papers
from paperkg.cli import cli
from paperkg.evaluate import load_gold
from paperkg.graph import build_graph
from paperkg.results import extract_results, results_frame, score_results

from .conftest import ROOT

RESULTS_GOLD = ROOT / "tests" / "data" / "results-dev.jsonl"


def test_dev_results_reach_the_pinned_floor():
    records = load_gold(RESULTS_GOLD)
    assert len(records) >= 30 and sum(len(r["results"]) for r in records) >= 30
    score = score_results(records, extract_papers([Paper(r["title"], r["abstract"]) for r in records]))
    # Reached 0.94 / 0.97 / 0.96 when pinned; see README "Results" for the matching rule.
    assert score.precision >= 0.93 and score.recall >= 0.96 and score.f1 >= 0.95, score


def test_only_measured_values_count_and_values_are_floats():
    paper = Paper("Orca-7B: a model",
                  "We train Orca-7B (1) on 1.2M images at 256×256 resolution in 2023. Orca-7B reaches 85.6% "
                  "top-1 accuracy on ImageNet and runs 2.4× faster than ViT-L, with an FID of 1,234.5 on COCO.")
    found = extract_results(next(extract_papers([paper])))
    assert [(r.value, r.unit, r.metric) for r in found] == [
        (85.6, "%", "top-1 accuracy"), (2.4, "x", "speed"), (1234.5, None, "FID")]
    assert all(isinstance(r.value, float) for r in found)
    assert found[1].baseline == "ViT-L" and found[0].model == "Orca-7B" and found[0].dataset_or_benchmark == "ImageNet"
    assert [paper.text[r.start:r.end] for r in found] == ["85.6%", "2.4×", "1,234.5"]


def test_gains_lists_and_respectively():
    paper = Paper("MuE", "MuE reduces inference time by up to 50% and 40% on the SNLI-VE and MS COCO datasets "
                         "respectively. It improves accuracy from 57.2% to 65%.")
    results = extract_results(next(extract_papers([paper])))
    found = [(r.dataset_or_benchmark, r.metric, r.value) for r in results]
    assert found[:2] == [("SNLI-VE", "inference time", 50.0), ("MS COCO", "inference time", 40.0)]
    # The "from" value is the result the change started from: not the paper's own system's.
    assert [(r.model, r.metric, r.value) for r in results[2:]] == [(None, "accuracy", 57.2), ("MuE", "accuracy", 65.0)]


def test_results_are_graph_nodes_with_evidence():
    paper = Paper("FlowAR: flows", "FlowAR outperforms VAR with an FID of 1.97 on ImageNet.")
    graph = build_graph(extract_papers([paper]))
    [(node, data)] = [(n, d) for n, d in graph.nodes(data=True) if d["kind"] == "result"]
    assert node == f"result:{paper.id}:0" and data["value"] == 1.97 and data["unit"] is None
    assert (data["model"], data["metric"], data["baseline"]) == ("model:flowar", "metric:fid", "model:var")
    assert data["dataset"] or data["benchmark"]
    assert data["label"] == "FlowAR FID 1.97 on ImageNet"
    edge = graph.edges[paper.id, node, "has_result"]
    assert edge["sentence"][edge["start"] - edge["sentence_start"]:edge["end"] - edge["sentence_start"]] == "1.97"


def test_a_result_on_a_split_links_the_splits_data():
    paper = Paper("Zorbex: dense prediction", "Zorbex reaches 58.7 box AP on COCO test-dev and 53.5 mIoU on ADE20K val.")
    graph = build_graph(extract_papers([paper]))
    results = sorted((d["label"], d["dataset"] or d["benchmark"]) for _, d in graph.nodes(data=True)
                     if d["kind"] == "result")
    assert results == [("Zorbex box AP 58.7 on COCO test-dev", "dataset:coco"),
                       ("Zorbex mIoU 53.5 on ADE20K val", "dataset:ade20k")]


def test_results_command_writes_numbers(tmp_path):
    source = tmp_path / "papers.jsonl"
    source.write_text('{"title": "kMaX", "abstract": "Our kMaX-DeepLab gets 58.0% PQ and 83.5% mIoU on COCO."}\n')
    output = tmp_path / "results.csv"
    result = CliRunner().invoke(cli, ["results", str(source), "-o", str(output)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(output.open(encoding="utf-8")))
    assert [(r["metric"], float(r["value"]), r["unit"]) for r in rows] == [("PQ", 58.0, "%"), ("mIoU", 83.5, "%")]
    frame = results_frame(extract_papers([Paper("kMaX", "Our kMaX-DeepLab gets 58.0% PQ on COCO.")]))
    assert frame["value"].dtype == float


def test_eval_results_command_prints_the_score():
    result = CliRunner().invoke(cli, ["eval-results", str(RESULTS_GOLD), "--json"])
    assert result.exit_code == 0 and '"f1"' in result.output


def test_results_take_time_linear_in_a_sentence_length():
    # One sentence of thousands of numbers, metrics and mentions: every value's metric, dataset
    # and baseline are looked up by position, so 4x the text costs about 4x, not 16x (or 64x).
    repeat = "12.5% 3.2 FID 4.5 BLEU, "

    def seconds(size: int) -> float:
        paper = Paper("T", "We report " + repeat * (size // len(repeat)) + "on ImageNet.")
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            found = next(extract_papers([paper]))
            assert len(extract_results(found)) > size // len(repeat)
            best = min(best, time.perf_counter() - started)
        return best

    seconds(2_000)  # the pipeline loads untimed
    assert seconds(100_000) / seconds(25_000) < 8


def test_result_fields_come_from_the_sentence_structure():
    paper = Paper("FooNet: a model", (
        "We propose FooNet. "
        # The subject opens the sentence; a dataset in parentheses after each value is its own.
        "FooNet reduces FID by 25.5% (COCO), 8.8% (LVIS) for models like GPT-2, compared to BERT. "
        # Bare numbers listed with a measured one share its metric; the datasets come in the same order.
        "In particular, FooNet shows +5.7 and +5.0 mAP gains on the COCO and LVIS datasets respectively. "
        # A multiplier fused to 'times' (a lost \\times), the measure a value qualifies, memory saved.
        "It runs 2.2times faster, with 84.1% top-1 accuracy on ImageNet, reducing memory usage by 5.9 GB. "
        # A confidence interval is no result.
        "FooNet answered 61% (95% CI, 58 to 64%) of the questions."
    ))
    found = {(r.model, r.dataset_or_benchmark, r.metric, r.value, r.unit)
             for r in extract_results(next(extract_papers([paper])))}
    assert found == {
        ("FooNet", "COCO", "FID", 25.5, "%"), ("FooNet", "LVIS", "FID", 8.8, "%"),
        ("FooNet", "COCO", "mAP", 5.7, None), ("FooNet", "LVIS", "mAP", 5.0, None),
        # (ImageNet is the sentence's only dataset, so every value there is on it.)
        ("FooNet", "ImageNet", "speed", 2.2, "x"), ("FooNet", "ImageNet", "top-1 accuracy", 84.1, "%"),
        # (A score whose sentence names no data takes the one dataset of the last sentence that names any.)
        ("FooNet", "ImageNet", "memory usage", 5.9, "GB"), ("FooNet", "ImageNet", None, 61.0, "%"),
    }


@pytest.mark.parametrize(("gold", "floors"), [
    # Annotated by hand before the structural rules (F1 0.44 then); 0.91 when first pinned, 0.97 after the
    # fields were read from sentence structure (P 0.971, R 0.971).
    ("results-heldout.jsonl", {"precision": 0.94, "recall": 0.94, "f1": 0.94}),
    # Annotated before any score was run on it: F1 0.61 when first pinned. Read for development since
    # (a new blind split replaces it as the honest measure): 0.906 (P 0.935, R 0.879) after the structural rules.
    ("results-untuned.jsonl", {"precision": 0.90, "recall": 0.85, "f1": 0.87}),
    # Three annotators apart (tests/data/README-blind.md): a read for development (0.209 with the code the
    # issue measured, 0.775 when pinned), c scored once then read (0.456, then 0.897), b never read (0.618).
    ("results-blind-a.jsonl", {"precision": 0.76, "recall": 0.72, "f1": 0.74}),
    ("results-blind-b.jsonl", {"precision": 0.59, "recall": 0.57, "f1": 0.58}),
    ("results-blind-c.jsonl", {"precision": 0.86, "recall": 0.86, "f1": 0.86}),
    # Eighty-three more annotators apart (tests/data/README-web.md): web-1 read for development (0.673 when pinned),
    # web-2 scored once (0.328 at 27d6568), then read (0.403 when pinned); web-3 scored once (0.178 at
    # 2b013f3), then read (0.376); web-4 scored once (0.512 at 105beb5), then read (0.541); web-5 scored once
    # (0.279 at 66a13dc), then read (0.455); web-6 scored at 53d00d4 (0.260), then read in the seventh round
    # (0.392); web-7 scored at fc36c72 (0.278), then read in the eighth round (0.392); web-8 scored at 532cede
    # (0.300), then read (0.475); web-9 scored at 532cede (0.353) and at 39da8f6 (0.370), then read in the ninth
    # round (0.450); web-10 scored at 8de520b (0.258), then read in the tenth round (0.331); web-12 scored in the
    # tenth round (0.159 at 006759a), then read at its end (0.219, 0.281 in the eleventh); web-13 scored at ce21b86
    # (0.379), then read in the eleventh round (0.419); web-14 scored in the eleventh round (0.435 at 438f4d6), then
    # read in the twelfth (0.430); web-15 scored in the twelfth round (0.377 at ec8894e), then read in the thirteenth
    # (0.474); web-11 (0.365), web-16 (0.379, the thirteenth round's estimate), web-17 (0.409) and web-18 (0.360;
    # the fourteenth round's two) never read.
    ("results-web-1.jsonl", {"precision": 0.72, "recall": 0.59, "f1": 0.65}),
    ("results-web-2.jsonl", {"precision": 0.40, "recall": 0.37, "f1": 0.38}),
    ("results-web-3.jsonl", {"precision": 0.35, "recall": 0.36, "f1": 0.35}),
    ("results-web-4.jsonl", {"precision": 0.56, "recall": 0.47, "f1": 0.51}),
    ("results-web-5.jsonl", {"precision": 0.45, "recall": 0.43, "f1": 0.44}),
    ("results-web-6.jsonl", {"precision": 0.38, "recall": 0.34, "f1": 0.36}),
    ("results-web-7.jsonl", {"precision": 0.41, "recall": 0.34, "f1": 0.37}),
    ("results-web-8.jsonl", {"precision": 0.44, "recall": 0.46, "f1": 0.45}),
    ("results-web-9.jsonl", {"precision": 0.49, "recall": 0.37, "f1": 0.42}),
    ("results-web-10.jsonl", {"precision": 0.31, "recall": 0.29, "f1": 0.30}),
    ("results-web-11.jsonl", {"precision": 0.35, "recall": 0.33, "f1": 0.34}),
    ("results-web-12.jsonl", {"precision": 0.29, "recall": 0.28, "f1": 0.29}),
    ("results-web-13.jsonl", {"precision": 0.41, "recall": 0.38, "f1": 0.39}),
    ("results-web-14.jsonl", {"precision": 0.44, "recall": 0.37, "f1": 0.41}),
    ("results-web-15.jsonl", {"precision": 0.49, "recall": 0.42, "f1": 0.45}),
    ("results-web-16.jsonl", {"precision": 0.39, "recall": 0.33, "f1": 0.36}),
    ("results-web-17.jsonl", {"precision": 0.41, "recall": 0.37, "f1": 0.39}),
    ("results-web-18.jsonl", {"precision": 0.34, "recall": 0.33, "f1": 0.34}),
])
def test_result_tuples_of_unseen_papers_reach_the_pinned_floors(gold, floors):
    records = load_gold(ROOT / "tests" / "data" / gold)
    assert len(records) >= 24 and sum(len(r["results"]) for r in records) >= 28
    score = score_results(records, extract_papers([Paper(r["title"], r["abstract"]) for r in records]))
    assert all(getattr(score, measure) >= floor for measure, floor in floors.items()), score


def _results(title: str, abstract: str) -> list[tuple]:
    found = extract_results(next(extract_papers([Paper(title, abstract)])))
    return [(r.model, r.dataset_or_benchmark, r.metric, r.value, r.unit) for r in found]


def _measured(found: list[tuple]) -> list[tuple]:
    """The (metric, value) of each of :func:`_results`' rows."""
    return [(metric, value) for _, _, metric, value, _ in found]


def _models(found: list[tuple]) -> list[str | None]:
    """The model of each of :func:`_results`' rows."""
    return [model for model, *_ in found]


def test_latex_ties_speedups_and_titles_that_describe():
    # "200~ms" keeps its unit across LaTeX's tie; a speed-up is a factor; a title head opening on a verb in -ing
    # ("Monitoring Prompt Attacks: ...") describes the paper and names no model.
    assert _results("Zorb: Fast Completion", "Zorb answers with an average latency of 200~ms.") == [
        ("Zorb", None, "average latency", 200.0, "ms")]
    assert _results("Zorb: Fast Editing", "With 4 steps, Zorb achieves 5–24 inference speedups over X.") == [
        ("Zorb", None, "inference speedups", 5.0, "x"), ("Zorb", None, "inference speedups", 24.0, "x")]
    assert _results("Monitoring Prompt Attacks: A Study", "Monitors reach a 93% defense success rate.") == [
        (None, None, "defense success rate", 93.0, "%")]
    # An opening phrase of any length before "our approach" leaves the paper's own system the subject.
    assert _results("Zorb: Low-Rank Models", "We propose Zorb. Specifically, when applied to three vision-only and "
                    "one vision-language Transformer models, our approach shows a merely 0.6 point decrease.")[0][0] == "Zorb"


def test_a_result_no_model_opens_is_the_papers_own():
    found = _results("CasVid: Cascaded Video Diffusion",
                     "We present CasVid, a cascaded video diffusion model. Trained on WebVid-10M, it needs "
                     "30% less memory than earlier cascades.")
    assert found == [("CasVid", None, "memory", 30.0, "%")]
    # Nothing proposed: the one model the title names.
    found = _results("Sparse Fine-Tuning of LLaMA-2 at Scale",
                     "Sparse updates keep accuracy within 0.3% of full fine-tuning at a tenth of the memory.")
    assert _models(found) == ["LLaMA-2"]


def test_a_value_after_several_datasets_is_on_the_first():
    # Annotators give the list as one target; the first of it is where a value after the whole list belongs.
    assert _results("Zorb: Retrieval", "Evaluated on the ViDoRe and SEC-Filings datasets, Zorb achieves 30% lower "
                    "query latency.") == [("Zorb", "ViDoRe", "query latency", 30.0, "%")]


def test_values_listed_with_their_settings_are_all_on_the_one_dataset_after_them():
    assert [dataset for _, dataset, _, _, _ in _results(
        "ZorbGait: Gait Recognition", "ZorbGait reaches rank-1 accuracy of 98.0% (normal), 97.5% (bag) and 92.2% "
        "(coat) on the GIZMO-B gait dataset; 90.4% accuracy on ZORB-MV.")] == ["GIZMO-B"] * 3 + ["ZORB-MV"]


def test_a_language_after_in_is_no_measure():
    found = _results("Zorb: Distillation", "The distilled student retains 70% in English and 95% in Spanish.")
    assert _measured(found) == [(None, 70.0), (None, 95.0)]


def test_what_a_value_is_in_is_its_measure_only_when_a_measure_word_heads_it():
    found = _results("Zorb: ECG", "Zorb achieves AUROCs from 84.3% in low-data settings to 99% in large-scale setups, "
                     "and a 5% gain in exact match.")
    assert _measured(found) == [
        ("AUROC", 84.3), ("AUROC", 99.0), ("exact match", 5.0)]


def test_a_title_head_that_asks_or_describes_names_no_system():
    abstract = "Our approach uses 20% less compute than online methods."
    assert _models(_results("What's in a Zorb: Factorized Decoding", abstract)) == [None]
    assert _models(_results("Zorb Gizmo: Factorized Decoding", abstract)) == ["Zorb Gizmo"]


def test_a_change_in_terms_of_a_measure_is_in_that_measure():
    found = _results("Zorb: Detection", "Zorb achieves 9.8 points improvement in terms of the mAP on ZorbSOD.")
    assert _measured(found) == [("mAP", 9.8)]


def test_a_value_reported_on_data_past_an_aside_is_a_result():
    found = _results("Zorb: Motion", "Zorb has an FID of 0.045 (vs 0.141 of T2M-GPT) on the HumanML3D dataset, and "
                     "0.228 (vs 0.514) on KIT-ML, respectively.")
    assert [(model, data, metric, value) for model, data, metric, value, _ in found][2:] == [
        ("Zorb", "KIT-ML", "FID", 0.228), ("T2M-GPT", "KIT-ML", "FID", 0.514)]


def test_a_comparison_in_a_measure_is_in_that_measure():
    found = _results("Zorb: Flow", "ZorbNet is 25.3 times smaller in the model size and 3.1 times faster in the "
                     "running speed. It is 2x faster in practice.")
    assert _measured(found) == [
        ("model size", 25.3), ("running speed", 3.1), ("speed", 2.0)]



def test_a_spread_is_no_result():
    # "± 1.59" after a value is its spread; the measure after the spread is the value's.
    found = _results("Zorb: Reasoning", "ZorbLM achieves 62.53% ($\\pm$ 1.59) accuracy on MMLU, and 3.1 +/- 0.2 FID "
                     "on COCO.")
    assert _measured(found) == [("accuracy", 62.53), ("FID", 3.1)]


def test_a_speedup_is_in_the_speed_its_sentence_names():
    found = _results("Zorb: Super-Resolution", "ZorbSR has the fastest inference speed (e.g. 40 times faster than "
                     "SeeSR). It is 2x faster in practice.")
    assert _measured(found) == [("inference speed", 40.0), ("speed", 2.0)]


def test_an_opening_comparison_names_the_baseline():
    found = extract_results(next(extract_papers([Paper("Zorb: Flow", "Comparing to LiteFlowNet [3], ZorbNet improves "
                                                       "the accuracy on KITTI 2012 by 19.6%.")])))
    assert [(r.model, r.baseline, r.value) for r in found] == [("ZorbNet", "LiteFlowNet", 19.6)]


def test_one_of_the_papers_systems_singled_out_is_named_as_the_text_does():
    found = _results("Lane Detection via 3D-ResNet", "We propose two models. Experiments on the TuSimple dataset show "
                     "that the proposed second model achieves 93.40% accuracy.")
    assert _models(found) == ["the proposed second model"]


def test_a_count_in_thousands_written_apart_is_no_result():
    found = _results("Zorb: Emotion", "ZorbNet achieves a UAR of 0.6517 with only 46.8 k trainable parameters.")
    assert _measured(found) == [("UAR", 0.6517)]


def test_a_described_subject_does_not_reach_across_a_clause():
    found = _results("ZorbFormer: Speech Emotion",
                     "The results demonstrate that the model achieved an accuracy of 90%.")
    assert _models(found) == ["ZorbFormer"]


def test_a_bound_is_no_result():
    found = _results("Zorb: Folding", "Zorb reaches an accuracy of 61.4%, and an accuracy of 70% or higher on 11 "
                     "domains.")
    assert _measured(found) == [("accuracy", 61.4)]


def test_its_opens_a_sentence_on_the_papers_own_system():
    found = _results("ZorbTag: Tag, Not Rewrite", "We present ZorbTag. Its inference speed is up to 10 times as fast "
                     "as a Transformer-based seq2seq system.")
    assert [(model, metric, value) for model, _, metric, value, _ in found] == [("ZorbTag", "inference speed", 10.0)]


def test_a_preposition_ends_a_measures_phrase():
    found = _results("Zorb: Layer Pruning", "Zorb achieves a 48.3% improvement in training efficiency alongside a "
                     "33.3% parameter reduction.")
    assert _measured(found)[0] == ("training efficiency", 48.3)


def test_the_settings_a_result_holds_at_are_no_results():
    found = _results("Zorb: Pruning LLMs", "Zorb prunes LLMs to at least 50% sparsity and runs 3x faster. We test "
                     "three sparsity rates (25%, 37.5%, and 50%) and reach 71.2% accuracy at a pruning ratio of 60%.")
    assert [(value, unit) for _, _, _, value, unit in found] == [(3.0, "x"), (71.2, "%")]


def test_a_measure_then_its_values_in_a_list_or_a_change():
    # Values listed after one measure, each on its data; the measure as the subject of its change or a metric.
    assert _results("Zorb: Nowcasting", "Zorb achieves CSI scores of 0.452 on FooRain, 0.474 on BarRain-7, and "
                    "0.361 on BazRain.") == [("Zorb", "FooRain", "CSI", 0.452, None), ("Zorb", "BarRain-7", "CSI", 0.474, None),
                                             ("Zorb", "BazRain", "CSI", 0.361, None)]
    assert [r[2:4] for r in _results("Zorb: QA", "With Zorb, F1 score improves from 0.212 to 0.543.")] == [
        ("F1 score", 0.212), ("F1 score", 0.543)]
    assert [r[2:4] for r in _results("Zorb: QA", "Zorb wins, with the MSE metrics reaching 0.198 and 0.122, respectively.")] \
        == [("MSE", 0.198), ("MSE", 0.122)]


def test_ranges_with_units_on_both_bounds_and_points_of_a_measure():
    # Both bounds of "1.4x-2.6x" are results, but not a setting's range ("at ratios of 2x-6x"); "+10 accuracy
    # points" is in points.
    assert _results("Zorb: Prompts", "At ratios of 2x-6x, Zorb accelerates end-to-end latency by 1.4x-2.6x.") == [
        ("Zorb", None, "end-to-end latency", 1.4, "x"), ("Zorb", None, "end-to-end latency", 2.6, "x")]
    assert _results("Zorb: Genomes", "Zorb beats the state of the art by +10 accuracy points.") == [
        ("Zorb", None, "accuracy", 10.0, "point")]


def test_a_change_names_the_measure_it_is_in():
    assert _results("Zorb: Retrieval", "Zorb shows a 40% decline in recall and a 24% lift in accuracy.") == [
        ("Zorb", None, "recall", 40.0, "%"), ("Zorb", None, "accuracy", 24.0, "%")]
    # "respectively" ends the phrase the values are in.
    assert _results("Zorb: Retrieval", "It gives up to 5% and 20% increase in latency respectively.") == [
        ("Zorb", None, "latency", 5.0, "%"), ("Zorb", None, "latency", 20.0, "%")]


def test_a_system_described_not_named_is_the_values_model():
    found = _results("Zorb: Safety Monitors", "We show that a carefully prompt engineered lightweight monitor achieves "
                     "a 93% defense success rate. We find that even the best system scores only 25% on Gizmo-Bench.")
    assert _models(found) == ["lightweight monitor", "best system"]
    # The paper's own system keeps the paper's name.
    assert _results("Zorb: Chest X-rays", "The proposed model reaches 96.6% accuracy.")[0][0] == "Zorb"


def test_a_value_whose_sentence_names_no_data_or_measure_takes_the_papers_only_ones():
    found = _results("Zorb: Receipt Parsing",
                     "We evaluate Zorb on COCO in terms of F1-score. Across settings, Zorb gains 4.1% over Blip, "
                     "and it runs 3x faster.")
    assert found == [("Zorb", "COCO", "F1-score", 4.1, "%"), ("Zorb", "COCO", "speed", 3.0, "x")]
    # Two datasets or two measures in the paper: the value's sentence must say which.
    found = _results("Zorb: Receipt Parsing", "Zorb is tested on COCO and LVIS in F1 and CER. Zorb gains 4.1% over Blip.")
    assert found == [("Zorb", None, None, 4.1, "%")]


def test_the_papers_own_system_unnamed_is_called_as_the_text_calls_it_determiner_and_all():
    found = _results("Semantics in Adversarial Training for Domain Adaptation",
                     "We adapt GTA to real data. Our method improves mIoU by 16% over the source-only model. "
                     "Tests show that the proposed framework reaches a 79% success rate.")
    assert [(model, metric, value) for model, _, metric, value, _ in found] == [
        ("Our method", "mIoU", 16.0), ("the proposed framework", "success rate", 79.0)]


def test_a_pronoun_subject_is_the_papers_system_as_the_text_last_called_it():
    found = _results("Lightweight Zero-shot Speech Synthesis",
                     "We present a lightweight TTS system. Experiments show that our system is stable. Moreover, it "
                     "shows a WER of 2.1 on LibriSpeech.")
    assert [(model, metric, value) for model, _, metric, value, _ in found] == [("our system", "WER", 2.1)]


def test_a_value_without_its_own_measure_takes_the_one_its_sentence_names():
    found = _results("Zorb: Code Embeddings",
                     "We train Zorb on pairs. On linear-probe classification accuracy averaged over 7 tasks, Zorb "
                     "achieves a relative improvement of 4% over earlier models, and it runs at 24 FPS.")
    assert _measured(found) == [
        ("linear-probe classification accuracy", 4.0), ("FPS", 24.0)]
    # A measure beside a number of its own is that number's: the gain has none.
    found = _results("Brisk: Speech", "We build Brisk. Brisk gains 6.2 points over Wav2Vec and runs at 24 FPS.")
    assert _measured(found) == [(None, 6.2), ("FPS", 24.0)]


def test_millimetres_and_the_data_a_value_is_in():
    found = _results("HandNet: Hand Pose", "We propose HandNet. HandNet reaches a mean joint error of 7.4 mm in "
                     "MSRA and 8.9 mm in NYU datasets, respectively.")
    assert [(metric, value, unit) for _, _, metric, value, unit in found] == [
        ("mean joint error", 7.4, "mm"), ("mean joint error", 8.9, "mm")]  # (not "NYU datasets")


def test_units_ranges_and_hardware():
    found = _results("Medusa: Multiple Decoding Heads",
                     "We present Medusa. Medusa-1 reaches over 2.2x speedup, while Medusa-2 improves the speedup "
                     "to 2.3-3.6x. It decodes in 12 ms per token at 24 FPS on a single 48GB GPU.")
    assert found == [("Medusa-1", None, "speedup", 2.2, "x"), ("Medusa-2", None, "speedup", 2.3, "x"),
                     ("Medusa-2", None, "speedup", 3.6, "x"), ("Medusa", None, None, 12.0, "ms"),
                     ("Medusa", None, "FPS", 24.0, "fps")]  # "It": the paper's own, not the last clause's


def test_how_long_a_run_takes_is_a_result_how_long_data_or_training_lasts_is_not():
    found = _results("Zorb4D: Fast Scenes", "Zorb4D synthesizes 4D scenes in 30 seconds, at 0.12 seconds per frame, "
                     "and one search completes in 4.0 GPU hours. Trained in 5.7 days on 16,000 hours of audio, it "
                     "makes 10-second clips.")
    assert [(value, unit) for _, _, _, value, unit in found] == [(30.0, "seconds"), (0.12, "seconds"),
                                                                 (4.0, "GPU hours")]


def test_words_after_a_value_that_name_no_measure():
    # A preposition opens no measure (the paper's one measure is the value's), a change in a loose word names
    # none, and a comparative adjective measures its noun.
    found = _results("Zorb: Stories", "Zorb outperforms ZorbBase by 39.6% without additional training. Zorb "
                     "shows a 30% performance gain over the base model on accuracy. Its stories are 15% more coherent.")
    assert _measured(found) == [
        ("accuracy", 39.6), ("accuracy", 30.0), ("coherence", 15.0)]


def test_a_measure_defined_with_a_short_form_goes_by_it():
    found = _results("Zorb: Speech", "Zorb reaches a word error rate (WER) of 3.69% and a character error rate of 1.2%.")
    assert _measured(found) == [("WER", 3.69), ("character error rate", 1.2)]


def test_a_share_of_the_data_is_a_setting_and_state_of_the_art_spelled_out_is_a_cue():
    found = _results("Zorb: Data Dropping", "On the ZorbGLUE benchmark, 90% of the data can be dropped, with an "
                     "average speedup of 3.36. It sets a new state of the art on ZQX-DB with 88.14%.")
    assert [(dataset, value) for _, dataset, _, value, _ in found] == [("ZorbGLUE", 3.36), ("ZQX-DB", 88.14)]
    # ... as is a share of the tokens; a share of the parameters trained is a result of its own.
    found = _results("Zorb: Linearizing LLMs", "Zorb recovers 93% of the teacher at 0.02% pre-training tokens, "
                     "using less than 0.4% of the pretraining tokens. It wins with 0.1% trainable parameters.")
    assert [value for _, _, _, value, _ in found] == [93.0, 0.1]


def test_a_name_that_modifies_is_no_subject_and_a_system_we_introduce_is():
    found = _results("Zorb: 4-bit Training", "We propose Zorb. Training a VGG-style network from scratch "
                     "achieves 92.3% accuracy. Additionally, we introduce ZorbAttn, which recovers 93% of the "
                     "teacher's accuracy.")
    assert [(model, value) for model, _, _, value, _ in found] == [("Zorb", 92.3), ("ZorbAttn", 93.0)]


def test_the_titles_opening_words_give_way_to_the_sentences_own_system():
    # A title that opens on a task names no system: "Our multi-modal model" is what the value measures.
    found = _results("Robotic Zorb Detection using Deep Convolutional Networks", "We study robotic zorb detection. "
                     "Our multi-modal model achieved an accuracy of 89.2% on the Gizmo Grasp Dataset.")
    assert [(model, value) for model, _, _, value, _ in found] == [("Our multi-modal model", 89.2)]
    # ... nor do they name the model of a sentence with no subject, unless the abstract calls them its own.
    found = _results("Improved Techniques for Training Zorb Models", "We study improved techniques for Zorb models. "
                     "Two-step sampling reduces FID to 2.24 on GizmoNet.")
    assert [(model, value) for model, _, _, value, _ in found] == [(None, 2.24)]
    found = _results("Continuous Zorb Decoding for Gizmo Models", "Our continuous zorb decoding reaches a 2.33x "
                     "speed-up.")
    assert [(model, value) for model, _, _, value, _ in found] == [("Continuous Zorb Decoding", 2.33)]


def test_the_measure_a_value_belongs_to_before_it():
    found = _results("Dense retrieval",
                     "On Natural Questions, recall@20 improves by 6 points. A vanilla ViT-Huge model achieves the "
                     "best accuracy (87.8%) among such methods, and the acceptance rate rises to 0.82.")
    assert [(metric, value, unit) for _, _, metric, value, unit in found] == [
        ("recall@20", 6.0, "point"), ("accuracy", 87.8, "%"), ("acceptance rate", 0.82, None)]
    found = _results("Guarded decoding",
                     "It reaches 58.7 box AP on COCO and an attack success rate (ASR) of 92%. "
                     "The pass rate on hidden tests is 67%.")
    assert _measured(found) == [
        ("box AP", 58.7), ("ASR", 92.0), ("pass rate", 67.0)]


def test_the_papers_own_system_as_subject():
    found = _results("Zebra: Better Tokens",
                     "We propose Zebra. Our method improves LLaVA-1.5 by 3.2% on MMBench. On ImageNet, our base "
                     "model, Zebra-B, outperforms DiT-XL with 20x faster inference.")
    assert [(model, data, value) for model, data, _, value, _ in found] == [
        ("Zebra", "MMBench", 3.2), ("Zebra-B", "ImageNet", 20.0)]


def test_what_a_change_is_in_and_what_a_comparison_verb_takes():
    found = _results("FastVLM: Fast Vision Encoding",
                     "We present FastVLM. FastVLM achieves a 3.2x improvement in time-to-first-token. It brings a "
                     "5.1% gain over the baseline. On TextVQA, it attains 64.5 accuracy, outperforming ConvLLaVA by "
                     "8.4 points. Its accepted length is 35% longer than EAGLE-2.")
    # (A gain whose sentence names no measure is in the paper's only accuracy-like one.)
    assert _measured(found) == [
        ("time-to-first-token", 3.2), ("accuracy", 5.1), ("accuracy", 64.5), ("accuracy", 8.4), ("length", 35.0)]


def test_bare_scores_reported_on_a_dataset():
    found = _results("PixNerd: Pixel Diffusion",
                     "We propose PixNerd. PixNerd-XL achieves an FID of 2.15 on ImageNet and 2.84 on CelebA-HQ. "
                     "It obtains 80.9 on DPG-Bench. It uses 8 GPUs on 3 nodes.")
    assert [(data, metric, value) for _, data, metric, value, _ in found] == [
        ("ImageNet", "FID", 2.15), ("CelebA-HQ", "FID", 2.84), ("DPG-Bench", None, 80.9)]


def test_lists_share_units_and_values_keep_their_owner():
    found = _results("Zeta: A Model",
                     "We propose Zeta. It improves mIoU by 2.1 and 3.4 points on ADE20K and Cityscapes, respectively. "
                     "Zeta obtains FIDs of 2.1 and 3.5 on CelebA and FFHQ. The top-1 accuracy of Zeta on ImageNet is "
                     "88.1%, surpassing ViT-H (85.4%).")
    assert found == [("Zeta", "ADE20K", "mIoU", 2.1, "point"), ("Zeta", "Cityscapes", "mIoU", 3.4, "point"),
                     ("Zeta", "CelebA", "FID", 2.1, None), ("Zeta", "FFHQ", "FID", 3.5, None),
                     ("Zeta", "ImageNet", "top-1 accuracy", 88.1, "%"), ("ViT-H", "ImageNet", "top-1 accuracy", 85.4, "%")]


# Sentences written for these tests in the shapes the structural rules read (no gold file's wording):
# each asserts (model, dataset or benchmark, metric, value, unit).
@pytest.mark.parametrize(("abstract", "expected"), [
    # "from A to B": A is the result the change started from; both are in the measure named before them.
    ("Specifically, Brisk raises the AUROC from 0.82 to 0.91 on the CheXpert dataset.",
     [(None, "CheXpert", "AUROC", 0.82, None), ("Brisk", "CheXpert", "AUROC", 0.91, None)]),
    # ... and A is the result of the system the measure is "of".
    ("It lifts the zero-shot accuracy of OPT-13B from 61.2% to 66.7% on PIQA.",
     [("OPT-13B", "PIQA", "zero-shot accuracy", 61.2, "%"), ("Brisk", "PIQA", "zero-shot accuracy", 66.7, "%")]),
    # A benchmark's score, named before the value.
    ("Brisk achieves a GenEval score of 0.71 and a DPG-Bench score of 83.5.",
     [("Brisk", "GenEval", None, 0.71, None), ("Brisk", "DPG-Bench", None, 83.5, None)]),
    # Models listed before "respectively" values pair with them in order.
    ("Compared to GPT-4, Brisk-S and Brisk-L reach 61.2% and 70.4% accuracy, respectively.",
     [("Brisk-S", None, "accuracy", 61.2, "%"), ("Brisk-L", None, "accuracy", 70.4, "%")]),
    # ... but not the systems a comparison takes.
    ("Brisk outperforms DeiT-S and Swin-T by 2.1% and 1.4% on ImageNet, respectively.",
     [("Brisk", "ImageNet", None, 2.1, "%"), ("Brisk", "ImageNet", None, 1.4, "%")]),
    # A list of gains with no measure of its own goes with the results reported before it, in order.
    ("Brisk reaches 41.2 mAP and 36.9 mask AP on COCO val, improving over Mask R-CNN by 2.3 and 1.8 points.",
     [("Brisk", "COCO val", "mAP", 41.2, None), ("Brisk", "COCO val", "mask AP", 36.9, None),
      ("Brisk", "COCO val", "mAP", 2.3, "point"), ("Brisk", "COCO val", "mask AP", 1.8, "point")]),
    # Values listed in one clause before "on X" are all on X.
    ("Brisk gets 50.2% box AP and 43.7% mask AP for detection and segmentation on LVIS.",
     [("Brisk", "LVIS", "box AP", 50.2, "%"), ("Brisk", "LVIS", "mask AP", 43.7, "%")]),
    # The subject after an opening phrase that names another model; the words that say which measure.
    ("When applied to ResNet-50, Brisk achieves a mean IoU of 47.2% on ADE20K.",
     [("Brisk", "ADE20K", "mean IoU", 47.2, "%")]),
    # "The proposed <anything>" is the paper's own; the model it improves is the object.
    ("The proposed token mixer boosts DeiT-S by 2.5% top-1 accuracy on ImageNet.",
     [("Brisk", "ImageNet", "top-1 accuracy", 2.5, "%")]),
    # A name inside "our ... model" is the model meant; a comparative is not part of the measure.
    ("Our Brisk-H model reaches 84.6% accuracy while using 60% fewer FLOPs than ViT-B.",
     [("Brisk-H", None, "accuracy", 84.6, "%"), ("Brisk-H", None, "FLOPs", 60.0, "%")]),
    # A value in parentheses measures the name in parentheses; points written with a hyphen or "percentage".
    ("Brisk brings up to 6x (4.5x) FLOPs (latency) reduction over dense attention.",
     [("Brisk", None, "FLOPs", 6.0, "x"), ("Brisk", None, "latency", 4.5, "x")]),
    ("Brisk wins by a 7.3-point margin on MATH and by 2.5 percentage points on GSM8K.",
     [("Brisk", "MATH", None, 7.3, "point"), ("Brisk", "GSM8K", None, 2.5, "point")]),
    # Another system's value set against the result, in parentheses or "for X"; a count of something.
    ("Brisk-7B obtains 3.5 FID, compared to 5.1 for DiT-XL, and reduces the number of sampling steps by 75%.",
     [("Brisk-7B", None, "FID", 3.5, None), ("DiT-XL", None, "FID", 5.1, None),
      ("Brisk-7B", None, "number of sampling steps", 75.0, "%")]),
    # Settings are no results: what a result holds at, and a size written "N times N".
    ("Brisk achieves 1.5x and 2.6x speedups at pruning ratios of 50% and 75% on 1024 times 1024 images.",
     [("Brisk", None, "speedups", 1.5, "x"), ("Brisk", None, "speedups", 2.6, "x")]),
    # "within N% of": the measure before; a measure's "on ..." phrase does not reach past "and".
    ("Brisk-S has a latency of 80 ms and a WER within 0.3% of the offline model, and is 3x smaller than Whisper.",
     [("Brisk-S", None, "latency", 80.0, "ms"), ("Brisk-S", None, "WER", 0.3, "%"), ("Brisk-S", None, "size", 3.0, "x")]),
    # A sign of its own is the value's; a "+" after "by" is no obstacle to the measure changed.
    ("Brisk reaches a Pearson correlation of -0.42 on STS-B and improves accuracy by +2.1%.",
     [("Brisk", "STS-B", "Pearson correlation", -0.42, None), ("Brisk", "STS-B", "accuracy", 2.1, "%")]),
    # The data named between a value and its measure; another system's value "achieved by" it.
    ("Our Brisk-XL attains 79.4% ImageNet linear-probe accuracy, beating 78.1% achieved by DINOv2-L.",
     [("Brisk-XL", "ImageNet", "linear-probe accuracy", 79.4, "%"), ("DINOv2-L", "ImageNet", "linear-probe accuracy", 78.1, "%")]),
    # A share of another system's measure; a measure its value completes ("our X is only N").
    ("Brisk needs 12.5% of BERT-Large's pre-training compute, and our memory footprint is only 40%.",
     [("Brisk", None, "pre-training compute", 12.5, "%"), ("Brisk", None, "memory footprint", 40.0, "%")]),
    # Thresholds and fractions are no results.
    ("Brisk degrades in low-resource regimes (<10%) and cuts the cost by 1/3 at most.", []),
    # "Experiments show that <subject>": the reported clause's subject.
    ("Experiments on COCO with DETR show that our approach speeds up training by 3.1x.",
     [("Brisk", "COCO", "speedup", 3.1, "x")]),
    # A value set against another's takes the measure named for that one: "N compared to the best M of N".
    ("On SQuAD, Brisk-L scores 91.3 compared to the previous best exact match of 89.9.",
     [("Brisk-L", "SQuAD", "exact match", 91.3, None), ("Brisk-L", "SQuAD", "exact match", 89.9, None)]),
    # A count with its prefix written out is the count, in that unit; a value in parentheses restates the one before.
    ("Brisk runs at 2.4 TeraFLOPs per chip. It lowers the WER of small models by 0.8 points (9.5%) on LibriSpeech.",
     [("Brisk", None, "FLOPs", 2.4, "TeraFLOPs"), ("Brisk", "LibriSpeech", "WER", 0.8, "point"),
      ("Brisk", "LibriSpeech", "WER", 9.5, "%")]),
    # A loose word with the word that says which is a measure; several opening phrases before "we".
    ("On eight TPUs, Brisk keeps 91% pipeline efficiency.",
     [("Brisk", None, "pipeline efficiency", 91.0, "%")]),
    # The split a benchmark's name goes on with is part of it, but not the word of a "<name> val set" phrase.
    ("Brisk reaches 47.3 box AP on LVIS minival, and 52.0 mIoU on the Cityscapes val set.",
     [("Brisk", "LVIS minival", "box AP", 47.3, None), ("Brisk", "Cityscapes", "mIoU", 52.0, None)]),
    # The share of data a system is given is a setting, not a result; "we" after two opening phrases is the paper.
    ("In short, with only 5% of the labeled samples, we retain 97% accuracy of ResNet-50 on CIFAR-10.",
     [("Brisk", "CIFAR-10", "accuracy", 97.0, "%")]),
    # One system and two benchmarks: the data after the values take the "respectively"; the paper's own system
    # named with a base model is what the numbers measure.
    ("With GPT-3.5-Turbo and Brisk, we achieve an accuracy of 96.0 and 94.1 on GSM-IC and GSM-ICM, respectively.",
     [("Brisk", "GSM-IC", "accuracy", 96.0, None), ("Brisk", "GSM-ICM", "accuracy", 94.1, None)]),
    # Percentage points are points; frames per second measure speed in their unit; an -ing verb ends a measure.
    ("Brisk gains 6.2 pp over XLM-R, runs at 24 FPS, and reaches 47% SR competing with larger models.",
     [("Brisk", None, None, 6.2, "point"), ("Brisk", None, "FPS", 24.0, "fps"), ("Brisk", None, "SR", 47.0, "%")]),
])
def test_fields_from_sentence_structure_on_new_sentences(abstract, expected):
    assert _results("Brisk: Fast Token Mixing", "We propose Brisk, a token mixer. " + abstract) == expected


def test_values_each_in_its_measure_an_unnamed_test_set_and_a_lost_sim():
    # "N in M1 and N in M2": the second measure stands where the first does, though no lexicon knows it;
    # the unnamed test set of a paper that releases a benchmark is that benchmark's; "sim1.2" is a \\sim that
    # lost its backslash, while "(sim10%)" glosses a setting as "(>10%)" does.
    found = _results("Quokka: A Benchmark for Table Question Answering",
                     "We introduce Quokka, a benchmark of 5,000 table questions. The strongest baseline reaches 0.61 in "
                     "exact match and 0.48 in Recall-K on the hidden test set. Our retriever shows a merely sim1.2 point "
                     "drop in accuracy when tables are truncated, while low-noise settings (sim10%) are easy.")
    assert [(data, metric, value, unit) for _, data, metric, value, unit in found] == [
        ("Quokka", "exact match", 0.61, None), ("Quokka", "Recall-K", 0.48, None),
        ("Quokka", "accuracy", 1.2, "point")]  # (on the only benchmark the paper names)


def test_of_several_proposed_the_one_called_our_model_is_the_papers_own():
    # The technique is introduced first, but "Our model, X" names the system the results are of.
    found = _results("Lattice Adapter for Vision-Language Models",
                     "We introduce the Lattice Adapter (LAD), a plug-in that compresses visual tokens. Our model, "
                     "LAD-Vicuna, matches Vicuna-13B while using 4x fewer visual tokens. With only 8 tokens, we lose "
                     "just 1.9 points on GQA.")
    assert found == [("LAD-Vicuna", None, "visual tokens", 4.0, "x"), ("LAD-Vicuna", "GQA", None, 1.9, "point")]


def test_a_title_names_the_papers_own_work_when_nothing_else_does():
    # No proposal and no model in the title: the title's name before its colon, or its opening phrase
    # when the abstract calls the work so.
    found = _results("Gated Residual Routing: Faster Mixture Models", "It reaches 2.1x higher throughput.")
    assert _models(found) == ["Gated Residual Routing"]
    found = _results("Gated Residual Routing for Long Video Models",
                     "Our gated residual routing reaches 2.1x higher throughput.")
    assert _models(found) == ["Gated Residual Routing"]


def test_a_benchmark_title_names_no_system_of_its_results():
    # The title's name is the benchmark ("ZorbVista: Evaluating ..."): a score no system opens is on it, by
    # nobody named, not by the benchmark.
    found = _results("ZorbVista: Evaluating Mathematical Reasoning in Visual Contexts",
                     "We present ZorbVista, a benchmark of 6,141 examples. Models reach only 34.8% accuracy on average.")
    assert found == [(None, "ZorbVista", "accuracy", 34.8, "%")]


def test_a_benchmark_papers_scores_on_unnamed_data_are_on_its_benchmark():
    # The paper releases a benchmark and names other data too: a score on data it leaves unnamed is on its own.
    found = _results("ZorbNIAH: A Needle-in-a-Haystack Benchmark for Long Contexts",
                     "We introduce ZorbNIAH, a benchmark of 14,000 samples. Unlike RULER and LongBench, it mixes "
                     "sequential needles. Even the best-performing model achieved only 63.50% accuracy.")
    assert [(dataset, metric, value) for _, dataset, metric, value, _ in found] == [("ZorbNIAH", "accuracy", 63.5)]
    # A system's paper that also releases data it trained on: its gains are not on that data.
    found = _results("ZorbVerifier: Self-Evolving Verification",
                     "We propose ZorbVerifier and release the ZorbSteps dataset of 4,646 verification steps, built "
                     "from the GizmoMath and GizmoCode datasets. ZorbVerifier improves meta-evaluation F1 by 12%.")
    assert [dataset for _, dataset, *_ in found] == [None]


def test_a_clause_with_its_verb_left_out_keeps_both_values():
    # "... and Y from A to B": Y is the system of both values; the first "from" value is no system's own.
    assert _results("ZorbCoT: Expert Reasoning", "We observe that ZorbCoT improves accuracy from 63.2% to 80.5% "
                    "and Qwen-2.5-7B-Instruct from 69.7% to 74.2%.") == [
        (None, None, "accuracy", 63.2, "%"), ("ZorbCoT", None, "accuracy", 80.5, "%"),
        ("Qwen-2.5-7B-Instruct", None, "accuracy", 69.7, "%"), ("Qwen-2.5-7B-Instruct", None, "accuracy", 74.2, "%")]


def test_a_described_subject_at_a_sentence_start_or_named_in_apposition():
    # A system described as a sentence opens, or after ", and"; named in an apposition, the name is the system;
    # "The model" alone says nothing of which, and stays the paper's own.
    found = _results("ZorbQA: Evaluating Scholarly Answers", "The best-performing model, Multimodal Bard, achieves only "
                     "58% accuracy on ZorbQA. No system exceeds 70%, and the highest-ranking agentic system shows "
                     "75% coverage.")
    assert [(model, value) for model, _, _, value, _ in found] == [
        ("Multimodal Bard", 58.0), (None, 70.0), ("highest-ranking agentic system", 75.0)]
    found = _results("ZorbNet: Lung Disease Detection", "We propose ZorbNet. The model achieves an AUROC of 0.86.")
    assert _models(found) == ["ZorbNet"]


def test_a_win_by_a_bare_amount_and_a_value_set_against_another():
    # After a value in a measure: the bare amount it wins by is in that measure; the value after "vs." is the
    # compared system's.
    found = _results("ZorbTok: 32 Tokens", "ZorbTok attains 1.97 gFID, outperforming MaskGIT significantly by 4.21. "
                     "ZorbTok outperforms DiT-XL/2 (gFID 2.74 vs. 3.04).")
    assert [(model, metric, value) for model, _, metric, value, _ in found] == [
        ("ZorbTok", "gFID", 1.97), ("ZorbTok", "gFID", 4.21), ("ZorbTok", "gFID", 2.74), ("DiT-XL/2", "gFID", 3.04)]


def test_scores_in_brackets_after_their_data_and_measures_after_frames():
    # "X (40.01% mAP), Y (38.39% mAP)": each score is on the name before its bracket; "in terms of" is a frame,
    # the measure after it; a verb ends a measure's phrase; an acronym's score is the acronym.
    assert _results("Faster-ZAD: Action Detection", "Faster-ZAD gets remarkable performance on benchmarks, i.e., "
                    "ZorbNet-1.3 (40.01% mAP), GIZMO Segments (38.39% mAP).") == [
        ("Faster-ZAD", "ZorbNet-1.3", "mAP", 40.01, "%"), ("Faster-ZAD", "GIZMO Segments", "mAP", 38.39, "%")]
    found = _results("Zorb-GCN: Skeleton Actions", "Zorb-GCN reaches 91.4% in terms of the top-1 recognition accuracy. "
                     "Almost 90% of the tokens can be dropped. It has an FID score of 16.67.")
    assert _measured(found) == [
        ("top-1 recognition accuracy", 91.4), ("tokens", 90.0), ("FID", 16.67)]
    # No long form runs back over another bracket.
    found = _results("ZorbVSR: Visual Speech", "The word error rate falls to 35% (LRS2) and 45.7% (LRS3).")
    assert [(model, dataset) for model, dataset, *_ in found] == [("ZorbVSR", "LRS2"), ("ZorbVSR", "LRS3")]


def test_the_papers_own_system_as_the_sentence_calls_it():
    # No name for the paper's own system anywhere: the sentence's words for it, wherever they stand.
    found = _results("Exploiting Semantics in Adversarial Training", "Results demonstrate the effectiveness of "
                     "our method, yielding improvements of +9.04% on ZorbBench.")
    assert [(model, dataset, value) for model, dataset, _, value, _ in found] == [("our method", "ZorbBench", 9.04)]
    # ... or where it is the subject the sentence points to by its kind.
    found = _results("Exploiting Semantics in Adversarial Training", "On three control problems, this simple approach "
                     "outperforms naive mixing by 50% on average. The method reaches 96.0% accuracy on ZorbBench.")
    assert [(model, value) for model, _, _, value, _ in found] == [("this simple approach", 50.0), ("The method", 96.0)]
    # ... with no determiner, or "our", and a head noun of what a system is made of or how it learns; not a noun
    # phrase that opens on a function word ("most of the methods").
    found = _results("Exploiting Semantics in Adversarial Training", "We show that tool augmentation substantially "
                     "improves accuracy by 28%. Results demonstrate that our combined defense framework reduces attack "
                     "rates to 8.7%. The trained GNN achieves 90% accuracy. On the one hand, most of the state-of-the-art methods have achieved "
                     "saturation (over 99% in AUROC).")
    assert [(model, value) for model, _, _, value, _ in found] == [
        ("tool augmentation", 28.0), ("our combined defense framework", 8.7), ("The trained GNN", 90.0), (None, 99.0)]


def test_a_comparative_measures_what_it_qualifies():
    # "N x faster runtime", "N x lesser peak memory usage": the measure named after the comparative; an adjective
    # of a measure is that measure ("43% more accurate").
    assert _results("ZorbCNN: Wakeword Detection", "ZorbCNN models are 43% more accurate than BaseNet while having "
                    "2x lesser peak memory usage and 10x faster runtime.") == [
        ("ZorbCNN", None, "accuracy", 43.0, "%"), ("ZorbCNN", None, "peak memory usage", 2.0, "x"),
        ("ZorbCNN", None, "runtime", 10.0, "x")]


def test_data_described_rather_than_named():
    # With no data named in the sentence, the data a value is on as the sentence describes it (no quantifier).
    found = _results("ZorbEL: Entity Linking", "ZorbEL achieves a remarkable 4% gain on out-of-domain datasets and "
                     "+4.98% on several reasoning grounding benchmarks.")
    assert [(dataset, value) for _, dataset, _, value, _ in found] == [
        ("out-of-domain datasets", 4.0), ("reasoning grounding benchmarks", 4.98)]


def test_an_abbreviation_with_stops_is_no_measure():
    # "0.7% w.r.t. X": the value stays in the measure the sentence named, not "w".
    found = _results("ZorbLID: Language ID", "It gives more than 8% relative WER reduction, with an absolute WER "
                     "increase between 0.1% and 0.7% w.r.t. monolingual ASR.")
    assert _measured(found) == [("WER", 8.0), ("WER", 0.1), ("WER", 0.7)]


def test_metrics_listed_before_as_many_values_pair_in_order():
    # A list of measures before a list of values, with "respectively" or slashes; a fraction stays no value.
    assert _results("Zorb: a codec", "Zorb reaches PESQ and ZorbQOL scores of 2.87 and 4.04, respectively. "
                    "It reaches PSNR/SSIM/LPIPS of 26.243/0.964/0.084 on the Gizmo dataset. It cuts cost by 1/3.") == [
        ("Zorb", "Gizmo", "PESQ", 2.87, None), ("Zorb", "Gizmo", "ZorbQOL", 4.04, None),  # (the paper's one dataset)
        ("Zorb", "Gizmo", "PSNR", 26.243, None), ("Zorb", "Gizmo", "SSIM", 0.964, None),
        ("Zorb", "Gizmo", "LPIPS", 0.084, None)]


def test_a_clause_about_a_system_gives_its_score():
    # "X, which scores N", "X, a ... baseline that achieves only N": the score is the system's the clause is about.
    assert _models(_results("ZorbInk: Audio", "ZorbInk-7B achieves 85.77% accuracy, outperforming the base model, "
                            "which scores 80.53%.")) == ["ZorbInk-7B", "the base model"]
    assert _models(_results("ZEST: Linking", "ZEST achieves an F1 score of 45.7%, surpassing OneNet, a strong "
                            "zero-shot baseline that achieves only 23.7%.")) == ["ZEST", "OneNet"]


def test_values_listed_then_who_obtained_them():
    # "~41%, ~36% and ~27%, obtained by A, B and C": the systems after the values, in order; "~" joins the list.
    assert _results("ZorbMATH: a benchmark", "The best scores on ZorbMATH are ~41%, ~36%, and ~27%, obtained by "
                    "Claude-3.5 Sonnet, GPT-4o and Gemini-1.5 Pro respectively.") == [
        ("Claude-3.5 Sonnet", "ZorbMATH", None, 41.0, "%"), ("GPT-4o", "ZorbMATH", None, 36.0, "%"),
        ("Gemini-1.5 Pro", "ZorbMATH", None, 27.0, "%")]


def test_measures_listed_by_their_amounts_ranges_in_points_and_values_compared_with():
    # Measures listed before the amounts they change by, or after their values with "respectively", take them
    # in order; a range's bounds share its points; a value "compared with" another gives the other its own
    # result, of the system named after it.
    assert _results("ZS-RCNN: Crowds", "Our ZS-RCNN improves recall and AP by 4.49% and 2.92% respectively on "
                    "CrowdHuman.") == [("ZS-RCNN", "CrowdHuman", "recall", 4.49, "%"),
                                       ("ZS-RCNN", "CrowdHuman", "AP", 2.92, "%")]
    found = _results("Zorb: Denoising", "It reaches 32.1 and 0.91 in PSNR and SSIM, respectively.")
    assert _measured(found) == [("PSNR", 32.1), ("SSIM", 0.91)]
    found = _results("Zorb: Clinical Records", "Our method improves AUROC by up to 2–3 points.")
    assert [(value, unit) for *_, value, unit in found] == [(2.0, "point"), (3.0, "point")]
    # The amount a verb changes its measure by may be a bound, a margin or a factor.
    found = _results("Zorb: Scores", "Zorb outperforms ZorbBase in accuracy by a large margin of 39.6%. It improves "
                     "recall by at least 7.5% and cuts latency by a factor of 8.")
    assert _measured(found) == [("accuracy", 39.6), ("recall", 7.5), ("latency", 8.0)]
    assert _results("ZorbAnom: Graphs", "ZorbAnom achieves the accuracy of 0.5425 compared with 0.2790, the best "
                    "baseline, on node-level detection.") == [("ZorbAnom", None, "accuracy", 0.5425, None),
                                                              ("best baseline", None, "accuracy", 0.279, None)]
    # A plain word listed between two known names is data too, so each value finds its own.
    assert [dataset for _, dataset, *_ in _results(
        "Zorb-GCL: Graphs", "Evaluated on Cora, Zorbseer, and PubMed, Zorb-GCL achieves average accuracies of "
        "82.5%, 72.5%, and 81.6%.")] == ["Cora", "Zorbseer", "PubMed"]


def test_bare_amounts_of_change_thresholds_and_times_that_change():
    # A bare number is a result as an amount of change: before a change noun, or "by" it after a verb of change.
    found = _results("ZorbStack: Tokens", "Our ZorbStack surpasses its counterparts by 2.7 and 2.9 on average. Gains "
                     "are large on text-rich tasks, e.g., 4.2 and 11.0 improvements on TextVQA and DocVQA.")
    assert [(dataset, value, unit) for _, dataset, _, value, unit in found] == [
        (None, 2.7, None), (None, 2.9, None), ("TextVQA", 4.2, None), ("DocVQA", 11.0, None)]
    # A time that a change takes from one length to another; a threshold given by its measure's value is none.
    found = _results("ZorbEval: Judging", "ZorbEval reduces evaluation time from 8 hours to 10 minutes. It loses 2% "
                     "in Average Precision at IoU=0.5 on KITTI.")
    assert [(value, unit) for *_, value, unit in found] == [(8.0, "hours"), (10.0, "minutes"), (2.0, "%")]
    # A measure's name ends at an equals sign: "answer recall@1=71%".
    assert _results("ZorbRAG: Long Retrieval", "ZorbRAG reaches answer recall@1=71% on HotpotQA.") == [
        ("ZorbRAG", "HotpotQA", "answer recall@1", 71.0, "%")]


def test_systems_counted_or_ranked_as_the_subject():
    # "all other evaluated models", "powerful LLMs": the systems a value is about, as the text counts them.
    found = _results("A benchmark of hallucination", "Notably, all other evaluated models achieve accuracy below 16%. "
                     "Strikingly, even powerful LLMs as evaluators show error rates above 50% on ZorbBench-Pro.")
    assert [(model, metric, value) for model, _, metric, value, _ in found] == [
        ("all other evaluated models", "accuracy", 16.0), ("powerful LLMs", "error rates", 50.0)]


def test_latex_times_is_a_factor():
    # "$19.3\\times$": LaTeX's times is a factor's unit, and the measure after its closing dollar is the value's;
    # "$1024\\times 1024$" is a resolution.
    found = _results("ZorbCache: Serving", "ZorbCache achieves up to  $19.3\\times$  reduction in Time-To-First-Token "
                     "(TTFT) and $12.1\\times$ improvement in throughput at $1024\\times 1024$ resolution.")
    assert [(metric, value, unit) for _, _, metric, value, unit in found] == [("TTFT", 19.3, "x"),
                                                                              ("throughput", 12.1, "x")]


def test_latex_unit_after_a_plain_number():
    # "2.36$\\times$", "45.2$\\%$": the unit in math of its own after the number is still its unit;
    # "1024$\\times$1024" is still a resolution.
    found = _results("ZorbServe: Serving", "ZorbServe achieves 2.36$\\times$ and 1.93$\\times$ acceleration over vLLM "
                     "and reaches 45.2$\\%$ accuracy on MMLU with 1024$\\times$1024 images.")
    assert [(value, unit) for _, _, _, value, unit in found] == [(2.36, "x"), (1.93, "x"), (45.2, "%")]


def test_math_copied_from_an_arxiv_html_page_is_read_once():
    # An arXiv HTML page's math copies as rendered, then as its TeX: "188×188\\times", "2.9%2.9\\%"; the value is read
    # once, with its unit and the measure after it. The TeX alone before a measure is its value too ("$4\\times$
    # speed-up"); "1024×1024102410241024\\times 1024" stays a resolution.
    found = _results("ZorbTune: Tuning", "ZorbTune achieves 188×188\\times memory efficiency and 26.11×26.11\\times "
                     "speedup, a $4\\times$ speed-up in downstream classification tasks, and an improvement of "
                     "2.9%2.9\\% in accuracy on 1024×1024102410241024\\times 1024 images.")
    assert [(metric, value, unit) for _, _, metric, value, unit in found] == [
        ("memory efficiency", 188.0, "x"), ("speedup", 26.11, "x"), ("speed-up", 4.0, "x"), ("accuracy", 2.9, "%")]


def test_factors_written_out_are_values():
    # "three times faster", "a three-fold improvement", "by more than fivefold": factors in words are values in x; a
    # count of parts ("two-fold: (1) ...") or of runs ("we run it three times") is none.
    found = _results("ZorbNet: Speed", "The motivation is two-fold: (1) speed and (2) memory. ZorbNet is three times "
                     "faster than BarNet, achieves a three-fold improvement in success rate, and reduces the average "
                     "response latency by more than fivefold. We run it three times.")
    assert [(metric, value, unit) for _, _, metric, value, unit in found] == [
        ("speed", 3.0, "x"), ("success rate", 3.0, "x"), ("average response latency", 5.0, "x")]


def test_ranges_written_with_to_and_values_set_against_another_systems():
    # "5-to-10-fold": a range's bounds share its unit; "$4.10$ FID": the measure after the value's LaTeX; "(vs e.g.
    # 0.141 of X)": the other system's value.
    found = _results("ZorbMask: Motion", "It needs a 5-to-10-fold increase in compute. ZorbMask reaches $4.10$ FID "
                     "on HumanML3D, with an FID of 0.045 (vs e.g. 0.141 of T2M-GPT).")
    assert [(model, metric, value, unit) for model, _, metric, value, unit in found][1:] == [
        ("ZorbMask", "compute", 10.0, "x"), ("ZorbMask", "FID", 4.1, None), ("ZorbMask", "FID", 0.045, None),
        ("T2M-GPT", "FID", 0.141, None)]
    assert found[0][3:] == (5.0, "x")
    # "2.06 and 3.03 times faster": a list's items share the factor after its last.
    found = _results("ZorbTrack: Tracking", "ZorbTrack runs 2.06 and 3.03 times faster than MOTR, respectively.")
    assert [(value, unit) for *_, value, unit in found] == [(2.06, "x"), (3.03, "x")]


def test_one_of_the_papers_systems_singled_out_is_the_subject():
    # "Our 3B models", "our best zero-shot system": the paper's system the value is about, not its name.
    found = _results("ZorbAlchemy: Code Data", "We present ZorbAlchemy. Our 3B models achieve 83.5% on HumanEval. Our "
                     "best zero-shot system achieves an F1 score of 58.3%. Our method reaches 61.0% on MBPP.")
    assert _models(found) == ["3B models", "best zero-shot system", "ZorbAlchemy"]



def test_scores_in_one_measure_take_the_data_the_sentence_before_listed_in_order():
    found = _results("Zorb: Fast Sampling", "Zorb reaches FID scores of 2.51 and 3.25 on CIFAR-10 and ImageNet "
                     "respectively. Two-step sampling reduces FID scores to 2.24 and 2.77 on these two datasets. It "
                     "also scores 0.9 and 0.8 in FID and 3% in recall.")
    assert [(data, value) for _, data, _, value, _ in found] == [
        ("CIFAR-10", 2.51), ("ImageNet", 3.25), ("CIFAR-10", 2.24), ("ImageNet", 2.77),
        (None, 0.9), (None, 0.8), (None, 3.0)]


def test_a_change_from_a_value_set_against_described_baselines_starts_at_theirs():
    found = _results("ZorbNet: Tables", "Compared to the strongest baselines, ZorbNet improves accuracy from 0.688 to "
                     "0.744. On ZorbSet, ZorbNet improves accuracy from 0.5 to 0.6.")
    assert [(model, value) for model, _, _, value, _ in found] == [
        ("strongest baselines", 0.688), ("ZorbNet", 0.744), (None, 0.5), ("ZorbNet", 0.6)]


def test_values_each_on_what_follows_them_and_a_measure_before_a_colon():
    # "an AUC of 0.856 for books and 0.678 for papers": the second value, a bare number, is in the first one's
    # measure; a measure, what it is of, then a colon opens its values; an enumeration after a colon is none.
    found = _results("ZorbMIA: Membership Inference", "ZorbMIA reaches an AUC of 0.856 for books and 0.678 for papers.")
    assert [(metric, value) for _, _, metric, value, _ in found] == [("AUC", 0.856), ("AUC", 0.678)]
    found = _results("ZorbGen: One-step Generation", "ZorbGen achieves remarkable FID scores for one-step image "
                     "generation: 1.20 on ImageNet-64x64 and 8.20 on zero-shot COCO2014.")
    assert found == [("ZorbGen", "ImageNet-64x64", "FID", 1.2, None), ("ZorbGen", "COCO2014", "FID", 8.2, None)]
    assert _results("ZorbBERT: Humor Detection", "Two factors matter in achieving high accuracy in the task: 1) "
                    "usage of sentence embeddings and 2) the network's design.") == []


def test_the_data_a_paper_releases_is_not_the_system_its_results_are_of():
    # A title whose name the abstract calls a dataset names no system, even where the subtitle reads like one's.
    found = _results("ZorbHub: Compiling GitHub Zorb repositories for a versatile Zorb prover",
                     "We release ZorbHub, a large-scale dataset of 28K proofs. After fine-tuning on this dataset, "
                     "our model achieved an accuracy of 48.8% on the Lean test.")
    assert _models(found) == ["our model"]


def test_where_a_change_ends_is_in_the_measure_it_started_in():
    # "from 8 hours to 10 minutes": the second value, in another unit, is still in the evaluation time.
    found = _results("ZorbHEM: Fast Evaluation", "ZorbHEM reduces evaluation time from 8 hours to 10 minutes.")
    assert [(metric, value, unit) for _, _, metric, value, unit in found] == [
        ("evaluation time", 8.0, "hours"), ("evaluation time", 10.0, "minutes")]


def test_a_change_in_an_aggregate_keeps_the_aggregate():
    # The measure a verb changes by an amount keeps the word that says it is averaged: the average is what moved.
    found = _results("ZorbThink: Shorter Chains", "ZorbThink reduces the average reasoning length by 41.3% on GSM8K.")
    assert [(metric, value) for _, _, metric, value, _ in found] == [("average reasoning length", 41.3)]


def test_data_after_a_semicolon_is_the_next_clauses():
    # "On X, ... by 7.5% over baselines; on Y, it boosts ... by 9.6%": each value is on its own clause's data.
    found = _results("ZorbRA: Composed Retrieval", "On the ZashionIQ dataset, ZorbRA improves Average R@10 by 7.5% over "
                     "existing baselines; on ZIRR, it boosts R@1 by 9.6%; and on ZIRCO, it increases mAP@5 by 9.5%.")
    assert [(data, metric) for _, data, metric, _, _ in found] == [
        ("ZashionIQ", "Average R@10"), ("ZIRR", "R@1"), ("ZIRCO", "mAP@5")]
