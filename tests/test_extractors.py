"""Each extractor on realistic abstract sentences: what it must find and what it must not."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from paperkg import Paper, extract_papers, extractors
from paperkg.extractors import PROPOSES_KEY, SPANS_KEY

GOLD = Path(__file__).parent / "data" / "gold-dev.jsonl"


@pytest.fixture(scope="module")
def nlp():
    return extractors.make_pipeline()


def found(nlp, text: str, label: str) -> list[str]:
    doc = nlp(text)
    return [s.text for s in doc.spans[SPANS_KEY] if s.label_ == label]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We compare against GPT-4o and Llama-2-7B on reasoning.", ["GPT-4o", "Llama-2-7B"]),
        ("Our LLaVA-NeXT baseline and Qwen2-VL-7B both fail.", ["LLaVA-NeXT", "Qwen2-VL-7B"]),
        ("We fine-tune BERT with LoRA and align it with DPO.", ["BERT", "LoRA", "DPO"]),
        ("Built on Stable Diffusion, the model beats DALL-E 3.", ["Stable Diffusion", "DALL-E 3"]),
        ("The Vision Transformer (ViT) splits images into patches.", ["Vision Transformer", "ViT"]),
        ("We propose SlimFit, a tool that fine-tunes models.", ["SlimFit"]),
        ("KG-LLaVA adds a knowledge graph to the model.", ["KG-LLaVA"]),
        ("We launch EVE, an encoder-free vision-language model.", ["EVE"]),
        ("A process we refer to as hyperfitting -- helps.", ["hyperfitting"]),
        ("Transformers scale; we study the Transformer further.", ["Transformers", "Transformer"]),
        ("It beats HorNet and Swin Transformers by 2%.", ["HorNet", "Swin Transformers"]),
        # A coined name keeps its version; a prefix is the word hyphenated onto the known name.
        ("Our FooBERT 2.0 beats FooBERT on 5 tasks.", ["FooBERT 2.0", "FooBERT"]),
        ("It uses GPT-2; and Bio-LLaVA adapts it.", ["GPT-2", "Bio-LLaVA"]),
        # A gloss whose capitals do not spell the acronym keeps its names.
        ("We use FOO, a model built on MedCLIP and GPT-2.", ["MedCLIP", "GPT-2"]),
        # A descriptive suffix is not part of the name.
        ("Smaller encoders come from a MatFormer-based ViT.", ["MatFormer", "ViT"]),
        # The plural acronym of a known name is that name, not a class like "LLMs".
        ("Long Short Term Memory Networks (LSTMs) once dominated.", ["Long Short Term Memory Networks", "LSTMs"]),
        # A coined method whose last part is a metric's name.
        ("It beats STaR and ReST-EM on math.", ["STaR", "ReST-EM"]),
        # Abbreviations: the short form first, a coined long form, two letters the paper introduces.
        ("We propose LoGAH (Low-rank GrAph Hypernetworks), a new design.", ["LoGAH", "Low-rank GrAph Hypernetworks"]),
        ("Then, we introduce Phantom Optimization (PO) for it.", ["Phantom Optimization", "PO"]),
        # "(DPO)-like": the bracket ends the short form, not the descriptive word after it.
        ("It uses direct preference optimization (DPO)-like training.", ["direct preference optimization", "DPO"]),
        # The capitalised architecture's name stands alone, once; a lone lower-case "transformer" is the class.
        ("Pruning is suboptimal on Transformer architectures; a transformer helps.", ["Transformer"]),
        # Names a noun for frameworks lists.
        ("We embed it into frameworks including PGD-AT, ALP, and TRADES.", ["PGD-AT", "ALP", "TRADES"]),
        # Names a noun for models counts after them.
        ("It beats CRISS and m2m-100, two strong translation systems.", ["CRISS", "m2m-100"]),
        # A bracket fused to the word before it opens a word of its own.
        ("It trains Vision Transformers(ViT) and GPT-2.", ["Vision Transformers", "ViT", "GPT-2"]),
        # A slash between sizes ends the first name; a patch size stays with its model.
        ("It beats Qwen-7B/14B models and ViT-B/16.", ["Qwen-7B", "14B", "ViT-B/16"]),
        # Definitions listed with a model's are models; a class's spelled-out words are not.
        ("Its objectives: Masked Span Modeling (MSM), Date Guessing (DG), and Entity Swapping (ES).",
         ["Masked Span Modeling", "MSM", "Date Guessing", "DG", "Entity Swapping", "ES"]),
        ("It joins Vision Transformers (ViT) and Convolutional Neural Networks (CNNs).", ["Vision Transformers", "ViT"]),
        # A quoted name the text calls a method.
        ("This ``Post-Hoc debias'' approach helps, unlike a \"doubly deep\" model.", ["Post-Hoc debias"]),
        # Names a noun for models lists are models, whether a list knows them or not; a spelled-out class is not.
        ("Open models such as Zephyrine and Kestrel-7B lag behind.", ["Zephyrine", "Kestrel-7B"]),
        ("Older networks, e.g., Recurrent Neural Network and ConvFoo, fade.", ["ConvFoo"]),
        # A parameter count or a "v" version makes a capitalised word a model; the name then stands for it.
        ("We fine-tune Zorbex-7B, Osprey-8x7B and Pelican-70B-Instruct.", ["Zorbex-7B", "Osprey-8x7B", "Pelican-70B-Instruct"]),
        ("Baselines are Kestrel (7B) and Heron-v1.5; Kestrel lags.", ["Kestrel", "Heron-v1.5", "Kestrel"]),
        # A closing quote with dashes after it ends the quoted name.
        ('We also offer "ZephyrScan"--a tuned Zorbex-7B model--for faces.', ["ZephyrScan", "Zorbex-7B"]),
        # A letter with the count of words it initials ("T5"-style), either order; a known word inside
        # a model's long form is part of it, not a name of its own ("Transformer 4").
        ("We propose Q4 (Quick Quantized Query Qualifier Network) for retrieval.",
         ["Q4", "Quick Quantized Query Qualifier Network"]),
        ("We train the Deep Dual-Domain Decoder (D4) on scans.", ["Deep Dual-Domain Decoder", "D4"]),
        ("We test the Generative Pre-trained Transformer 4 with Vision (GPT-4V) model on cases.",
         ["Generative Pre-trained Transformer 4 with Vision", "GPT-4V"]),
        # A verb made of a name names nothing; the name it is made of is elsewhere.
        ("We BERTize a small ViT step by step.", ["ViT"]),
        # A technique the paper names may end in a generic technique's words.
        ("We propose a novel sparse masked contrastive learning (SMCL) approach.",
         ["sparse masked contrastive learning", "SMCL"]),
        # A name that is also a word, written in capitals, is still the name.
        ("Baselines include FALCON and Koala on every task.", ["FALCON", "Koala"]),
        # Names a noun for models lists in parentheses, or sets off by commas after it.
        ("We compare two models (ZORBA and QuuxNet) and a larger model, HELIX, on recall.",
         ["ZORBA", "QuuxNet", "HELIX"]),
        # A size letter after a name in capitals; a modality letter is none.
        ("QUX-H beats the RGB-D baseline.", ["QUX-H"]),
        # A hybrid of two known architectures names both, not one model.
        ("We build a hybrid Mamba-Transformer for long inputs.", ["Mamba", "Transformer"]),
        # A proper name inside a defined long form is still a mention of it.
        ("We extract a GizmoFormer-based ViT (GizmoViT) from it.", ["GizmoFormer", "ViT", "GizmoViT"]),
        # A part named by an agent noun is a model when the paper builds it in, not when others' is meant.
        ("Specifically, we add a Text-Aware Token Selector (TATS). The Visual Query Generator (VQG) of others fails.",
         ["Text-Aware Token Selector", "TATS"]),
        # A name in capitals with a one-digit version is a model; two digits are usually data or a year.
        ("ZORB-2 and ZORB-3.5 beat it on CIFAR-10.", ["ZORB-2", "ZORB-3.5"]),
        # The noun right after a pair says what it names.
        ("We test the Sparse Echo Diffusion (SED) paradigm on weather data.", ["Sparse Echo Diffusion", "SED"]),
        # A task's words as the paper's own method's name, given right after the cue.
        ("We propose gizmo retrieval augmented generation (GRAG) with state conditioning.",
         ["gizmo retrieval augmented generation", "GRAG"]),
        ("We proposed a model called PGS (Page-specific Gizmo Summarization) for long inputs.",
         ["PGS", "Page-specific Gizmo Summarization"]),
        # "This study" proposes as "we" do; the passive of the cue after the pair; a sentence opening on the cue.
        ("This study introduces the Iterative Gizmo Process (IGP), a robust method.", ["Iterative Gizmo Process", "IGP"]),
        ("In this paper, an iterative gizmo fitting (IGF) algorithm is proposed to plan grasps.",
         ["iterative gizmo fitting", "IGF"]),
        ("Termed as ZGTR, our approach learns visual features. ZGTR wins.", ["ZGTR", "ZGTR"]),
        # Capitals before a capitalised word are a coined name's, unless they spell an acronym out of a plain word.
        ("We compress prompts with ZQLingua and QKGizmo; ADAptive Zorb (Adaz) helps adaptive training.",
         ["ZQLingua", "QKGizmo", "ADAptive Zorb", "Adaz"]),
        # A known name at the end of a lower-case identifier is part of it.
        ("It beats LaBSE and paraphrase-multilingual-mpnet-base-v2 on similarity.",
         ["LaBSE", "paraphrase-multilingual-mpnet-base-v2"]),
        # A Title Case name before its kind, right after the cue; a description a name follows is the name's.
        ("In this work, we introduce a Dual-Gizmo Enhanced Zorb approach, leveraging a joint scoring system.",
         ["Dual-Gizmo Enhanced Zorb"]),
        ("We propose a Bottom-Up Gizmo Summarization approach named BGS, which helps.", ["BGS"]),
        # A part named in capitals before its kind noun, whatever its last word (here a measure's) or its length.
        ("For dynamic areas, the Surface Normal Similarity (SNS) module aligns them; a Recursive Zorb (RZ) module "
         "refines them.", ["Surface Normal Similarity", "SNS", "Recursive Zorb", "RZ"]),
        # ... and one named "... learning" that the paper calls new or names as a part.
        ("It adds a novel sampling approach for Gizmo Contrastive Learning (GCL), and a self-zorb learning (SZL) "
         "scheme.", ["Gizmo Contrastive Learning", "GCL", "self-zorb learning", "SZL"]),
        # Names listed after "systems, such as"; a short form opening on a digit.
        ("It beats codec systems, such as ZorbTokenizer, DAC, and Encodec. We propose a 4D Gizmo Trajectory "
         "Generator (4D-GTraG).", ["ZorbTokenizer", "DAC", "Encodec", "4D Gizmo Trajectory Generator", "4D-GTraG"]),
        # A citation glued to a name ends it; a venue with a two-digit year is no name.
        ("A model with ZorbNeXt[20] won the challenge at CVPR23 and ICCV2023.", ["ZorbNeXt"]),
        # A name after a model's slash, not a size or a patch size.
        ("It beats ZiT-XL/GiT-XL (675M), ZorbLM-7B/13B and ViT-B/16.", ["ZiT-XL", "GiT-XL", "ZorbLM-7B", "13B",
                                                                       "ViT-B/16"]),
        # The parts a list says something is made of, each defined with its short form.
        ("The regressor consists of three modules: Temporal Zorb Kinematics (TZK), Bone-guided Gizmo Fitting (BGF), "
         "and Motion-Centric Refinement (MCR).", ["Temporal Zorb Kinematics", "TZK", "Bone-guided Gizmo Fitting", "BGF",
                                                  "Motion-Centric Refinement", "MCR"]),
        # A long form after its short form that marks the letters it lends with capitals ("ZOrbing", "gizmO").
        ("We present ZOLT (ZOrbing 3D gizmO-Light Transfer), a unified model.",
         ["ZOLT", "ZOrbing 3D gizmO-Light Transfer"]),
        ("ZRIME: Zorb Reinforcement through IMplicit rEwards\n\nZODA: ZOrbing-to-Discrete Adaptation for Tokenizers.",
         ["ZRIME", "Zorb Reinforcement through IMplicit rEwards", "ZODA", "ZOrbing-to-Discrete Adaptation"]),
        # A word hyphenated to a letter and a digit is a name (not a virus's year, a GPU or a connector).
        ("We compare Zorb-R1 and R1-Gizmo on COVID-19 data with Tesla-V100 GPUs and Type-C ports.",
         ["Zorb-R1", "R1-Gizmo"]),
        # A tuning or a modality after a space continues a name, unless a noun follows it.
        ("We test Qwen 2.5 VL 3B, Gemini Pro Vision and Llama 3.1 8B Instruct, with the CLIP Vision encoder.",
         ["Qwen 2.5 VL 3B", "Gemini Pro Vision", "Llama 3.1 8B Instruct", "CLIP"]),
        # Markup copied with a page is no part of a name.
        ('We build on a codec model (<small xmlns:xlink="http://www.w3.org/1999/xlink">ZALL-E</small>) and '
         '<b>ZorbNet</b>, as [Uncaptioned image]ZorbCod says.', ["ZALL-E", "ZorbNet", "ZorbCod"]),
        # A known name written out in full, its head noun and all, as its authors name it.
        ("We adapt the Segment Anything Model to video, unlike Segment Anything 2.", ["Segment Anything Model",
                                                                                      "Segment Anything 2"]),
        # The reasoning models named in lower case, with their tiers and efforts (not the ozone of "O3 levels").
        ("We compare o1, o3-mini and o4-mini-high with GPT-4o and Llama 4 Scout, and track O3 levels.",
         ["o1", "o3-mini", "o4-mini-high", "GPT-4o", "Llama 4 Scout"]),
        # A name in capitals listed beside two models (not a plain capitalised word, nor beside a dataset).
        ("It beats alternatives like LaBSE, ZORB, and GPT-4, and tools like Guidance, Outlines, GPT-4o and Gemini, "
         "on COCO, ZQA, LLaVA and BLIP-2.", ["LaBSE", "ZORB", "GPT-4", "GPT-4o", "Gemini", "LLaVA", "BLIP-2"]),
    ],
)
def test_model_found(nlp, text, expected):
    assert found(nlp, text, "MODEL") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # In a title every word is capitalised: a common-noun name after a capitalised modifier is the class
        # ("Diffusion Transformer", "Graph Transformers"), not the architecture.
        ("Personalize Anything for Free with Diffusion Transformer\n\nPersonalized generation is hard.", []),
        ("A Survey of Graph Transformers: Architectures and Applications\n\nWe review them.", []),
        # After a function word or a verb it stands alone; in the abstract its capitals are the author's.
        ("Rethinking the Transformer for Speech\n\nIt helps.", ["Transformer"]),
        ("Scaling Transformers to Long Inputs\n\nIt helps.", ["Transformers"]),
        ("A Study\n\nWe revisit the Multi-layer Transformer architecture.", ["Transformer"]),
        # In lower case after a domain it is the class of that domain's models ("vision transformers"); a use on its
        # own still names the architecture.
        ("A Study\n\nWe prune vision transformers and graph transformers; vision transformers gain most.", []),
        ("A Study\n\nWe prune vision transformers, unlike the classical transformer and its transformer blocks.",
         ["transformer", "transformer"]),
    ],
)
def test_common_noun_name_after_a_modifier(nlp, text, expected):
    assert found(nlp, text, "MODEL") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Large language models (LLMs) and VLMs are widely used.",
        "We study MLLMs trained with RLHF and chain-of-thought (CoT) prompting.",
        "Retrieval-augmented generation (RAG) improves factuality.",
        "Training takes 8 hours on A100 GPUs with FP16 precision.",
        "We use contrastive learning and knowledge distillation.",
        "A ReLU or GELU follows LayerNorm in the AutoEncoder of the vision foundation model (VFM).",
        "Our code is on GitHub and the paper on arXiv.",
        "We probe attention across transformer layers once.",
        "We study named entities and a stage called in the loop.",
        # Capitals that spell the acronym before them do not make a gloss's words names.
        "We use FOO, a model for Fast sOlving Of sparse systems.",
        # LaTeX left in the text, and numbers fused to words: not names.
        "We present \\ModelName, a unified framework, and \\VideoDatasetName.",
        "It loses a merely sim0.6 point across models from 22M to1.5B with log2 quantization.",
        # Two letters for a modality or a generic term, even in the paper's own sentence.
        "We present a Vision-Language (VL) model and a Knowledge Graph (KG)-based reader.",
        # A known name's words written as the class they describe.
        "We train latent diffusion models on faces.",
        # Two letters for lower-case words name a technique, whatever its head noun.
        "With contrastive decoding (CD), hallucination drops.",
        # The noun before a naming verb says what is named: a measure is no model.
        "We rank tokens with an additional metric termed the drift score.",
        # The short form of a generic class is generic wherever it stands, singular or plural.
        "Multimodal large language models (MM-LLMs) are popular, yet building a MM-LLM is costly.",
        # The feed-forward block of a layer is a textbook component, like an MLP.
        "The Feed-Forward Network (FFN) of each layer is pruned, and FFNs shrink.",
        # Lower-case words before a plural generic class name a class too, and so does their short form.
        "Audio large language models (A-LLMs) grow fast; an A-LLM hears well.",
        # A field fused to a generic class in the plural names the class ("existing VideoLLMs").
        "However, existing VideoLLMs and FinLLMs remain weak at event boundaries.",
        # A plain phrase a naming verb gives, where the paper speaks of no work of its own, is the field's word.
        "Models suffer from the factual inconsistency problem called hallucinations. Such labels, called "
        "pseudo-labels, are kept; the ability to keep old tasks is referred to as stability.",
        # A naming verb before a phrase in sentence case names no first word of it.
        "We propose a framework named Contrastive learning with gizmos for recommendation.",
        # Title Case words cut at "and" where the name goes on are no name of their own.
        "This paper introduces the Comprehensive Post-Zorb Parsing and Gizmo Understanding Dataset (ZORU).",
        # "Named" opens the task of named entities, no name.
        "Advances in Named Entity Recognition: A Review\n\nNamed Entity Recognition (NER) is a key task.",
        # A word that negates or describes by a name is no name; nor is a cited surname.
        "It uses 3.6K CoT-annotated and 50K non-CoT samples; McZorbley and Cohen saw it first, by McZemar's test.",
        # A noun made of a name, as a verb is, names nothing.
        "Token-Difficulty Driven MoEfication of Pre-Trained LLMs\n\nWe study the BERTization of models.",
        # A company's coined name is no model.
        "It wins with respect to ZumaLabs and over the GizmoLab baselines.",
        # A coined word before a noun of software, hardware or a resource names a tool.
        "A plugin for ZetBrains IDEs connects WebZocket APIs and the ZirtualHome simulator.",
        # Textbook methods and the field's other words, whatever their shape.
        "Conventional methods such as SVM, KNN and TF-IDF with BoW features serve IoT and NL2SQL; this SoK covers SfM.",
        # A citation in parentheses after a noun for models lists no names.
        "Diffusion models (Smith and Jones, 2021) and the model, However, fail.",
        "The Natural Language Processing (NLP) community and the Knowledge Graph (KG) model grew.",
        # A loss is no model, whatever shape its short form has.
        "We add the span-of-tokens loss (SoT) to the objective, and SoT helps.",
        # The name a survey gives itself is the survey's.
        "Zorb-360: Survey of Foo Models for Long Inputs\n\nZorb-360 reviews the field.",
        # A task the paper names, alone or as a list of definitions after its noun, is no model.
        "We propose a new task, Reasoning Gizmo Localization (RGL), with its data.",
        "We introduce Zorb-Bench to evaluate tasks, which include Gizmo Video Grounding (GVG), "
        "Event Gizmo Captioning (EGC) and Spatial Gizmo Grounding (SGG).",
        # A naming verb after a task's or an idea's noun names no system.
        "We present a novel task called online zorb editing, and a phenomenon we call gizmo drift.",
        # A title that opens on a verb in -ing, hyphenated too, names a task, not a model.
        "Fine-Tuning Zorb-Gizmo-Action Models: Optimizing Speed\n\nWe fine-tune models.",
        # A title that opens on a claim names nothing by it.
        "Quantization Meets Zorbing: Low-Bit Models for Math\n\nWe study quantization.",
        "Rotation Matters: Better Gizmo Detection\n\nWe study rotation.",
        # A title in capitals has no name shapes.
        "IN-CONTEXT PROMPT EDITING FOR AUDIO GENERATION\n\nWe edit prompts in context.",
        # A word of the long form used as its label is no acronym, and names no model.
        "We propose an approach with three subtasks: page object detection (Detect), reading order "
        "prediction (Order), and the construction of the structure (Construct).",
        # A short form the text counts in the plural, defined by lower-case words, names a class.
        "Protein language model (pLM)-based pipelines now beat most other pLMs.",
        # A known measure defined, or named in a model's shape, is no model.
        "Our method doubles the temporal mean intersection-over-union (mIoU) of baselines, and mIoU rises.",
        # A task's or a field's name defined, in any case and whatever its short form's shape, is no model.
        "Gizmo Video Question Answering (GizmoQA) requires reasoning. Prior GizmoQA methods fail.",
        "Statistical gizmo translation (SGT) is old. We propose Zorb, and SGT lags behind it.",
        "We introduce a corpus for abstractive gizmo extraction (AGE) and abstractive gizmo linking (AGL).",
        "Small-Footprint Gizmo Spotting (SF-GS) is popular, as are Blind Gizmo Quality Assessment (BGQA), "
        "Short-Phrase Gizmo Diarization (SPGD) and Automated Gizmo Repair (AGR).",
        # An organization spelled out, a web address, a verb in -ing before a class's description.
        "We use forecasts of the European Centre for Gizmo Forecasts (ECGF) as the reference.",
        "For an immersive view of the results, please visit zorb3d.github.io.",
        "We propose using gizmo models, a class of generative models, for the task.",
        # A name that says it is data, however it is found.
        "Gizmo Charts\n\nWe test on the Zorb-Benchmark and the ZorbMOT-Dataset for charts.",
        # A family of techniques named "... learning", or a class of systems, that the paper does not introduce.
        "Researchers have explored Graph Gizmo Learning (GGL), which uses enhanced graph data.",
        "A Conversational Gizmo System (CGS) interacts with users through natural language.",
        # A short form written before the plural of a kind names the class, by any rule (ZS-ZCR has a name's shape).
        "Zorb-oriented dialogue (ZoD) systems help users. Existing zero-shot ZCR (ZS-ZCR) methods are slow.",
        # Garbled LaTeX a page's conversion leaves glued to a number.
        "It uses less than half (30303030-50%percent5050\\%50 %) of the data and gets >90%absentpercent90>90\\% "
        "accuracy.",
    ],
)
def test_model_not_found(nlp, text):
    assert found(nlp, text, "MODEL") == []


def test_an_elided_size_names_its_model_in_full(nlp):
    doc = nlp("It beats LLaVA-NeXT-7B/13B models.")
    assert [(s.text, s._.paperkg_canonical) for s in doc.spans[SPANS_KEY]] == [
        ("LLaVA-NeXT-7B", None), ("13B", "LLaVA-NeXT-13B")]


def test_definition_links_long_form_to_acronym(nlp):
    doc = nlp("We propose the Context Perception Parallel Decoder (CPPD) for text recognition.")
    spans = {s.text: s._.paperkg_alias_of for s in doc.spans[SPANS_KEY]}
    assert spans == {"Context Perception Parallel Decoder": "CPPD", "CPPD": None}


def test_a_defined_long_form_wins_over_a_known_name_inside_it_unless_it_describes_by_it(nlp):
    doc = nlp("We adapt the Segment Anything Model (SAM) and a MatFormer-based ViT (MatViT).")
    spans = {s.text: s._.paperkg_alias_of for s in doc.spans[SPANS_KEY]}
    assert spans == {"Segment Anything Model": "SAM", "SAM": None, "MatFormer": None, "ViT": None, "MatViT": None}


def test_a_short_form_may_keep_the_long_forms_first_word(nlp):
    doc = nlp("A Study\n\nWe propose a model termed Zorb GRaph MIXers (Zorb GRMIX). Zorb GRMIX is fast.")
    spans = {s.text: s._.paperkg_alias_of for s in doc.spans[SPANS_KEY]}
    assert spans == {"Zorb GRaph MIXers": "Zorb GRMIX", "Zorb GRMIX": None}
    assert {s.text for s in doc.spans[PROPOSES_KEY]} <= {"Zorb GRaph MIXers", "Zorb GRMIX"}


def test_title_name_is_a_model(nlp):
    assert found(nlp, "HorNet: Efficient High-Order Spatial Interactions\n\nWe study it.", "MODEL") == ["HorNet"]
    assert found(nlp, "MMIE: A Benchmark for Interleaved Comprehension\n\nWe study it.", "MODEL") == []
    # ... unless the abstract calls it a kind of data in apposition.
    text = ("Zorb-Adv: Exploring Visual Reasoning\n\nReferring expression comprehension (REC) is hard. We introduce "
            "Zorb-Adv, a modern REC benchmark that resists shortcuts.")
    assert found(nlp, text, "MODEL") == [] and found(nlp, text, "BENCHMARK") == ["Zorb-Adv", "Zorb-Adv"]


@pytest.mark.parametrize(
    "text, label, expected",
    [
        ("We pre-train on LAION-5B and evaluate on ImageNet and COCO.", "DATASET", ["LAION-5B", "ImageNet", "COCO"]),
        ("Experiments on the Moving-MNIST dataset show gains.", "DATASET", ["Moving-MNIST"]),
        ("We release HumanCaption-10M, a large caption set.", "DATASET", ["HumanCaption-10M"]),
        ("It ranks first on MMLU, GSM8K and HumanEval.", "BENCHMARK", ["MMLU", "GSM8K", "HumanEval"]),
        ("Results on DMLab and Habitat benchmarks are strong.", "BENCHMARK", ["DMLab", "Habitat"]),
        ("We evaluate on the ImageNet-256 benchmark.", "BENCHMARK", ["ImageNet-256"]),
        ("Scores on VideoChatGPT-Bench improve.", "BENCHMARK", ["VideoChatGPT-Bench"]),
        ("It leads on the UCF101 video generation benchmark.", "BENCHMARK", ["UCF101"]),
        ("We use three video datasets (LVU, COIN and Breakfast).", "DATASET", ["LVU", "COIN", "Breakfast"]),
        ("We design and release the SNARE, the first probing benchmark.", "BENCHMARK", ["SNARE"]),
        ("On ImageNet 256x256 benchmark, VAR improves FID.", "BENCHMARK", ["ImageNet 256x256"]),
        ("At ImageNet 512 x 512 benchmark, VAR improves FID.", "BENCHMARK", ["ImageNet 512 x 512"]),
        # A challenge keeps the word in its name.
        ("It scores 61% on the ZQX Image Challenge and enters the GizmoLM challenge.", "BENCHMARK",
         ["ZQX Image Challenge", "GizmoLM challenge"]),
        # A coined name with a year is an edition of shared data, not a model, of the kind its role says.
        ("We tag the Foo-2003 corpus and pre-train on GizmoNLL-2011.", "DATASET", ["Foo-2003", "GizmoNLL-2011"]),
        ("Our tagger gets 91.2 F1 on GizmoNLL 2000 chunking.", "BENCHMARK", ["GizmoNLL 2000"]),
        # A title whose subtitle opens by calling the name a benchmark.
        ("MMIE: Massive Multimodal Interleaved Comprehension Benchmark\n\nMMIE has 20K queries.", "BENCHMARK",
         ["MMIE", "MMIE"]),
        # Annotated banks are data by their name's shape.
        ("We parse the Chinese Treebank with PropBank and CCGbank.", "DATASET", ["Chinese Treebank", "PropBank", "CCGbank"]),
        # A list after a colon, examples later in the clause, and databases are data too.
        ("Results on four face databases: CASIA, REPLAY-ATTACK, and MSU-MFSD show it.", "DATASET",
         ["CASIA", "REPLAY-ATTACK", "MSU-MFSD"]),
        ("Experiments on datasets with complex motions, such as CLCD1 and CLCD2, show it.", "DATASET",
         ["CLCD1", "CLCD2"]),
        # "for example" opens a list too; "and" closes it, so the name after a bare comma is the subject.
        ("On existing benchmarks, for example, ZorbDetectBenchmark and GizmoImage, AIDE achieves +3.5%.", "BENCHMARK",
         ["ZorbDetectBenchmark", "GizmoImage"]),
        # Coined names experiments are run on are data; ranked on, they are benchmarks.
        ("Experiments on GaitZorb and OU-ZVLP show gains.", "DATASET", ["GaitZorb", "OU-ZVLP"]),
        ("It sets new state-of-the-art results on ZorbVQA-Hard.", "BENCHMARK", ["ZorbVQA-Hard"]),
        # Task words between a name and its noun may end on the task's acronym.
        ("In experiments on the ZROIE receipt OCR dataset, it reaches 64.4 F1.", "DATASET", ["ZROIE"]),
        # A field (plain words before a generic term) and a word opening a clause are no names.
        ("Legal NLP benchmarks lag. Since collecting text datasets is costly, we use LexBench.", "BENCHMARK",
         ["LexBench"]),
        # A version goes with its name; an ordinal, a factor and a link are no names; a plain word keeps the
        # descriptive word before it ("Visual Genome").
        ("It ranks 1st on the NAVSIM v2 benchmark with 3x fewer steps (https://foo.github.io/Zorb-Arena/).",
         "BENCHMARK", ["NAVSIM v2"]),
        ("We train on the Visual Genome dataset. As datasets grow, we use the Something-Something V2 dataset.",
         "DATASET", ["Visual Genome", "Something-Something V2"]),
        # "X as the ... dataset" names X.
        ("We use EMOFOO as the source dataset to train the model.", "DATASET", ["EMOFOO"]),
        # A size hyphenated onto a known name makes a name of its own.
        ("It reaches 65.8% top-1 accuracy on the tiny-imagenet dataset.", "DATASET", ["tiny-imagenet"]),
        # A programming language is no benchmark's name.
        ("We compare a complex SQL benchmark, TPC-DS, with text-to-SQL benchmarks.", "BENCHMARK", ["TPC-DS"]),
        # A coined name listed beside a known dataset is one too.
        ("Our method leads in complex scenarios like DanceTrack and ZorbMOT, and on MOT17.", "DATASET",
         ["DanceTrack", "ZorbMOT", "MOT17"]),
        # Plain capitalised words keep the head noun that ends their name; a list is not one name.
        ("We train on the Gizmo Review Dataset and Zorb-ECG Arrhythmia Database.", "DATASET",
         ["Gizmo Review Dataset", "Zorb-ECG Arrhythmia Database"]),
        ("It ranks first on ZorbQA and the Long Gizmo Reasoning Benchmark.", "BENCHMARK",
         ["Long Gizmo Reasoning Benchmark"]),
        # One thing of a kind named right after a definition is of that kind; not a plural, a class of them.
        ("In 2023, the Gizmo Tumor Segmentation (GiTS) challenge grew, unlike out-of-distribution (OOD) benchmarks.",
         "BENCHMARK", ["Gizmo Tumor Segmentation", "GiTS"]),
        ("We built the continuous zorb analysis keywords (CZAK) dataset.", "DATASET",
         ["continuous zorb analysis keywords", "CZAK"]),
        # A challenge named in capitals after "the", plain words and all.
        ("We placed 3rd in the Gizmo Expression Classification Challenge.", "BENCHMARK",
         ["Gizmo Expression Classification Challenge"]),
        # A coined name described in apposition as one thing of a kind; a benchmark dataset is a benchmark there.
        ("We test it through ZorbCraft, a new ZIAH benchmark built on Wikipedia, and GizmoHumor, a benchmark "
         "dataset of comics.", "BENCHMARK", ["ZorbCraft", "ZIAH", "GizmoHumor"]),
        # Names joined by slashes are one each; a version continues a data name.
        ("Experiments on ZorbCOCO/ZorbCOCOg and Gizmo-L4 datasets, and on ActivityNet v1.3.", "DATASET",
         ["ZorbCOCO", "ZorbCOCOg", "Gizmo-L4", "ActivityNet v1.3"]),
        # A list of names after the noun and a bare space, or one after a singular noun (not after the verb).
        ("We evaluate it on two standard emotion databases GIZMOCAP and ZAVDESS.", "DATASET", ["GIZMOCAP", "ZAVDESS"]),
        ("It leads on benchmark ZEHAVE; we benchmark ZorbPath against it.", "BENCHMARK", ["ZEHAVE"]),
        # Apposition past commas between modifiers; a kind, then the name it is called; test sets named in a list.
        ("We introduce ZorbMix, a diverse, high-quality dataset capturing code-mixing. We introduce an extensive "
         "mathematics dataset called \"GizmoQuest\" sourced from textbooks. We test on ZQX-SS and Gizmo-Flickr "
         "test sets.",
         "DATASET", ["ZorbMix", "GizmoQuest", "ZQX-SS", "Gizmo-Flickr"]),
        # A plain word listed between two known names is one too.
        ("Evaluated on Cora, Zorbseer, and PubMed, it wins.", "DATASET", ["Cora", "Zorbseer", "PubMed"]),
        # A challenge's edition, before or after it, is part of its name; a suite is a benchmark.
        ("Task4 of the 2018 ZQX challenge and the GIZMO 2024 ZorbTS Post-Op 2024 Challenge; we won the ZQX "
         "Challenge 2019 and test on the ZORB suite.", "BENCHMARK",
         ["2018 ZQX challenge", "GIZMO 2024 ZorbTS Post-Op 2024 Challenge", "ZQX Challenge 2019", "ZORB"]),
        # A resolution after a name, with any sign for "times", is part of it.
        ("It leads on the ImageNet 256*256 benchmark and on the ZorbNet 512x512 benchmark.", "BENCHMARK",
         ["ImageNet 256*256", "ZorbNet 512x512"]),
        # A name right before the split of data it gives (TDMSci's sentences name data so).
        ("Evaluations on the ZTCIR-9 test data show gains; we tune on ZIST03 evaluation data.", "DATASET",
         ["ZTCIR-9", "ZIST03"]),
        # An annotated bank, its head hyphenated or not.
        ("We parse the Zorbish Tree-Bank and the Gizmo Tree-bank and the Quux Treebank.", "DATASET",
         ["Zorbish Tree-Bank", "Gizmo Tree-bank", "Quux Treebank"]),
        # A list's comma may follow a space where a citation was cut.
        ("It reaches 3 points on three benchmarks (MT-Bench , ZorbBar , custom ), and more.", "BENCHMARK",
         ["MT-Bench", "ZorbBar"]),
        # A known name with one lower-case letter joined before it is a new name of its own.
        ("We evaluate on established downstream tasks (Belebele, m-MMLU, and m-ARC).", "BENCHMARK",
         ["Belebele", "m-MMLU", "m-ARC"]),
        # A name in capitals or with a digit listed beside two data names (not beside a known model).
        ("Extensive experiments on 3DPW, MPII3D, and Z36M demonstrate gains, as on COCO, ZQA and LLaVA.",
         "DATASET", ["3DPW", "MPII3D", "Z36M", "COCO"]),
        # Names in parentheses before their noun; "data set" in two words; a description by what was done to it.
        ("We train on code (ZorbNet and PyZorrent) datasets, a small data set (ZUHK01) and ZorbRefuse, a "
         "multilingual safety dataset created by translation.", "DATASET",
         ["ZorbNet", "PyZorrent", "ZUHK01", "ZorbRefuse"]),
        ("It leads on outdoor and indoor (ZYUv2) benchmarks, not on out-of-distribution (OOD) benchmarks.",
         "BENCHMARK", ["ZYUv2"]),
        # A coined acronym a score is reported on, a decimal percentage too, is an evaluation target; data in an
        # abstract that calls what it evaluates on datasets only.
        ("It reaches 88.69% on ZMODB and 79.48% on ZMOVO.", "BENCHMARK", ["ZMODB", "ZMOVO"]),
        ("Across the seven datasets it reaches 88% on ZMODB and 79% on ZMOVO.", "DATASET", ["ZMODB", "ZMOVO"]),
        # A version goes on a name listed after its noun.
        ("Experiments on two public datasets, i.e., ZHUMOS14 and ZorbityNet v1.3, demonstrate gains.", "DATASET",
         ["ZHUMOS14", "ZorbityNet v1.3"]),
        # A language before a coined name is the data's language, not part of its name; alone it names nothing.
        ("On the Arabic ZHATT dataset and Arabic ZLT-17 and ZLT-19 datasets, for Low-Resource Greek Finance.",
         "DATASET", ["ZHATT", "ZLT-17", "ZLT-19"]),
        # An apposition after a definition: the defined name is of the kind described.
        ("We introduce ZLVC (Zorbing Long Video Clues), a long video question-answering dataset with clues.",
         "DATASET", ["ZLVC"]),
    ],
)
def test_data_found(nlp, text, label, expected):
    assert found(nlp, text, label) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We build a large-scale dataset of synthetic data.",
        "Extensive experiments on several benchmarks show the benefit.",
        "Our method improves results on English and Chinese benchmarks.",
        "It is tested on 36 NLP datasets and on Foo-style benchmarks.",
        "We benchmark GPT-4o and o1-preview as agents.",
        # A resolution is no name, even in a list before a cue noun.
        "It leads on the 512x512 and 256x256 benchmarks.",
        # A venue with its year: stoplisted, or one a paper appeared at.
        "Accepted at NeurIPS 2023, the paper was published at GizmoNLL 2021.",
        # ... written as one word: "CVPR2024".
        "Our approach for the competition held at CVPR2024 and the ICASSP 2025 grand challenge.",
        # Apposition names the kind of its head, not of a word before it.
        "We use ZorbDistill, a reward-guided dataset distillation framework.",
        "The Challenge is hard, and this challenge matters: A Challenge for All.",
        "It was a task of the 9th Workshop on Gizmo Language Processing (GLP 2022).",
        # A short form the text defines with plain words for something else describes the data after it.
        "Math word problem (MWP) solving is hard; we test on eight MWP datasets.",
        # Capitalised compounds of plain words describe the benchmark before them.
        "We propose Zorb, a Multi-ability, Multi-range, Multi-task, Multi-domain benchmark for long inputs.",
        # A sentence's first word is capitalised as such, not as a name.
        "It helps. Recent long-form video understanding benchmarks drive progress.",
        "Dexterous grasp datasets are vital for robots.",
        # A task's name defined with a short form describes the data after it too.
        "Gizmo Video Question Answering (GizmoQA) requires reasoning, and GizmoQA datasets are small.",
        # A title is in title case, so its words make no name.
        "Towards a Massive Scale Semantic Similarity Dataset for Reviews\n\nWe study similarity.",
        # After a cue noun and a comma, a name its verb follows is the sentence's subject, not a list item;
        # a unit is no name either.
        "On the 16 kHz datasets, GizmoCodec attains a ViSQOL score of 4.30 at 1.5 kbps.",
        # Modalities, dimensions and amounts describe data; a plain word is no name spelled with capitals.
        "It beats baselines across MRI, CT, and X-ray benchmarks and on large-scale 3D datasets.",
        "FoME is pre-trained on a diverse 1.7TB dataset, and on a 160B-token corpus of medical records.",
        # A comparative capitalised in a heading describes the data: "(2) Limited Context and/or Smaller training corpus".
        "Two settings: (2) Limited Context and/or Smaller training corpus of documents.",
        # A word that modifies the noun after it is no name; nor is a number format, nor a Title Case word among
        # others that a mixed-case name is spelled as.
        "It yields top performance on link prediction and KG-based Question Answering, with 8x compression over FP32.",
        "Foundation Models for Clinical Records at Health System Scale\n\nWe study pretraining.",
        # An author cited after a cue noun is no list item.
        "It helps when the text aligns with the downstream benchmarks (Zorbson et al., 2024).",
        "2) True generalization requires test data to be independent of the training data.",
        # A word that a name enables describes the noun after it.
        "We present a systematic benchmark for evaluating prompt injection risks in RAG-enabled AI agents.",
    ],
)
def test_data_not_found(nlp, text):
    assert found(nlp, text, "DATASET") + found(nlp, text, "BENCHMARK") == []


def test_an_edition_that_opens_an_events_name_is_no_data_nor_model(nlp):
    # "ZemEval-2025 Task 4", "the ZCDAR 2023 Competition": an event's edition; a coined word with a year is no model.
    text = "Zorb Inc. at ZemEval-2025 Task 4: Unlearning\n\nWe placed first at the ZCDAR 2023 Competition on layouts."
    assert found(nlp, text, "DATASET") + found(nlp, text, "BENCHMARK") + found(nlp, text, "MODEL") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Our model reaches an FID of 2.1 and 83.3% top-1 accuracy.", ["FID", "top-1 accuracy"]),
        ("It improves accuracy by 3% while halving latency.", ["accuracy", "latency"]),
        ("BLEU and CIDEr rise on captioning; mIoU on ADE20K is 52.1.", ["BLEU", "CIDEr", "mIoU"]),
        ("The Frechet Video Distance (FVD) drops below 60.", ["Frechet Video Distance", "FVD"]),
        ("Our approach reduces hallucination rates by up to 62.3% on COCO.", ["hallucination rates"]),
        ("It cuts the optimizer's memory usage by half.", ["memory usage"]),
        ("It halves the runtime (12 s) and keeps entropy at 0.4.", ["runtime", "entropy"]),
        ("We compare them in terms of diversity and convergence rates.", ["diversity", "convergence rates"]),
        ("We use model consistency as a metric.", ["model consistency"]),
        # A metric named after a model is the metric, anywhere.
        ("The CLIP score and Inception Score of SDXL images.", ["CLIP score", "Inception Score"]),
        # A number after a metric is its value; a prefix of plain words still names a metric.
        ("We report Macro-F1 of 81.2 and FID 8.3.", ["Macro-F1", "FID"]),
        # The grammar of measures: a head with its modifiers, in a measurement context.
        ("Our approach reduces the average token count by 75%.", ["average token count"]),
        ("It decodes 120 images per second, where others suffer from low recall.", ["images per second", "recall"]),
        ("Our chat models deliver a strong human preference rate of 61%.", ["human preference rate"]),
        ("It needs 0.1% trainable parameters, with large savings in training time.",
         ["trainable parameters", "training time"]),
        ("Slow decoding hurts: it reaches a 2.3x decoding speedup.", ["decoding speedup"]),
        # A coined measure keeps the plain word that says which, not one that aggregates it.
        ("The detector reaches 58.7 box AP and 51.1 mask AP.", ["box AP", "mask AP"]),
        ("It keeps 99% of peak FLOPs and an average Top-1 accuracy of 80.2%.", ["FLOPs", "Top-1 accuracy"]),
        # A capital that opens a sentence says nothing about a measure's first word.
        ("Caching helps. Energy consumption drops by 40%.", ["Energy consumption"]),
        # A loss is a measure when it is compared or has a value.
        ("It reaches a lower validation loss and cuts training loss by 12%.", ["validation loss", "training loss"]),
        # A share of the parameters is a measure; a model's size is not.
        ("A 1.2 billion parameters model tunes 0.1% trainable parameters.", ["trainable parameters"]),
        # Two measures in a trade-off are two measures.
        ("It gets better accuracy-MACs and accuracy-throughput trade-offs.", ["accuracy", "MACs", "accuracy",
                                                                             "throughput"]),
        # A statistic named after its author, in a report.
        ("We report Spearman's rank correlation and a KL divergence of 0.3.", ["Spearman's rank correlation",
                                                                              "KL divergence"]),
        # A coined measure that leads a plain one makes one measure with it; so does a noun in -ing.
        ("A 7B model obtains 94.0 pass@1 accuracy on MATH-500.", ["pass@1 accuracy"]),
        ("Models lose up to 27.2 points of macro-F1 when applied.", ["macro-F1"]),
        # An evaluation is no part of the measure's name.
        ("Existing methods reach an unsatisfactory FID of 12.3.", ["FID"]),
        # A measure is one in a list the text measures with, or next to one that always is.
        ("Performance is measured using precision, recall, and F-measure on held-out data.",
         ["precision", "recall", "F-measure"]),
        ("We compute the accuracy for each argument position.", ["accuracy"]),
        ("It shows improvements in driving scores of 27.2% while reducing latency by 10%.",
         ["driving scores", "latency"]),
        # A ratio of one quantity to another, written in any case; a coined measure called by its value's word.
        ("It beats PIT in terms of Signal to Distortion Ratio, and lifts peak signal-to-noise ratio by 2 dB.",
         ["Signal to Distortion Ratio", "peak signal-to-noise ratio"]),
        ("It raises BLEU scores by 3 points.", ["BLEU scores"]),
        # Measures the text lists as its metrics, after the word or before it.
        ("It wins on all metrics (win rates, goal differentials) and on BLEU, chrF and faithfulness metrics.",
         ["win rates", "goal differentials", "BLEU", "chrF", "faithfulness"]),
        ("We report quantitative metrics, including text–asset alignment and geometric detail.",
         ["text–asset alignment", "geometric detail"]),
        # A list a verb opens after "metrics"; adjectives that say which, not part of the measure's name.
        ("It wins on evaluation metrics encompassing editing speed and text-video alignment, and cuts the "
         "required training time by half.", ["editing speed", "text-video alignment", "training time"]),
        # A known measure with a letter before it; a coined word the text calls a metric or scores in.
        ("It cuts gFID to 1.4, leads by 9.7 on the mDice metric, and has a ZorbQOL score of 4.30.",
         ["gFID", "mDice", "ZorbQOL"]),
        # An amount of change in a measure; a loose word made specific by its modifier; a share of tasks.
        ("It brings a 50% reduction in resource utilization, cuts communication cost by 30% and reaches 100% "
         "task completion.", ["resource utilization", "communication cost", "task completion"]),
        # Agreement, coverage and correlation measured; a measure at a ranking's cut-off; memory aggregated.
        ("The judge reaches 74% agreement with experts and shows 75% coverage and a higher correlation.",
         ["agreement", "coverage", "correlation"]),
        ("It reaches a Recall@10 of 0.69 and a ZorbHit@10 of 0.91 with 60GB peak memory.",
         ["Recall@10", "ZorbHit@10", "peak memory"]),
        # A comparison carries over the measures listed after it; "e.g." ends no clause.
        ("It achieves a better word error rate, speaker verification rate, and mean opinion score with 90% fewer "
         "parameters.",
         ["word error rate", "speaker verification rate", "mean opinion score"]),
        ("It has the fastest inference speed (e.g. 40 times faster than SeeSR).", ["inference speed"]),
        # An acronym a percentage qualifies (not a confidence interval); a statistic named after its author.
        ("It reaches 47% ZR and 41% ZPL (95% CI, 38 to 44%), with Krippendorff's alpha and Gwet's AC2 low and "
         "Spearman = 0.39.", ["ZR", "ZPL", "Krippendorff's alpha", "Gwet's AC2", "Spearman"]),
        # A verb, "like" or "including" modifies no measure.
        ("We revisit Pass@K experiments; metrics like LPIPS and FID scores of 2.5 follow.",
         ["Pass@K", "LPIPS", "FID scores"]),
        # A measure named in Title Case keeps its capitalised words (not in a title).
        ("Zorb: Better Captions\n\nWe achieved a Strict Accuracy level of 75% and a CLIP Aesthetic Score of 6.1.",
         ["Strict Accuracy", "CLIP Aesthetic Score"]),
        # A known measure with a word before it that says which; a plain word before a measure at a cut-off; a
        # score given with a colon; the measure before an equals sign.
        ("It reaches 31.68 PartIoU and 22.78 ShapeIoU, with answer recall@2=72% and a ZORB score: 0.68.",
         ["PartIoU", "ShapeIoU", "answer recall@2", "ZORB"]),
        # Measures the text lists as metrics, each with its short form after it.
        ("It adds metrics, including gizmo light compliance (GL), lane-keeping ability (LK), and extended comfort "
         "(EC).", ["gizmo light compliance", "lane-keeping ability", "extended comfort"]),
        # A measure of several words with no value in its sentence, where a frame names it measured.
        ("It brings significant savings in training time.", ["training time"]),
        ("The models were evaluated using zorb similarity scores and classification accuracy.",
         ["zorb similarity scores", "classification accuracy"]),
        # An acronym given a decimal value or a percentage, or changed to one (not a setting); efficiency said of what.
        ("It improves ZS to 316.9, reaches TAR=89.59% with LR=0.001 and a 1.8x improvement in sample efficiency.",
         ["ZS", "TAR", "sample efficiency"]),
        # An acronym a text evaluates by (not a model a list knows, nor a model with digits).
        ("We evaluate the quality of our predictions by ZMSD and GDT-ZS, and assess it with ResNet-11 and GPT-4.",
         ["ZMSD", "GDT-ZS"]),
        # Plain words between a percentage and the data it is on (not a change, nor what the value counts).
        ("It gets 71.2% zorb matching on GizmoEnv, a 5% improvement on GizmoEnv and 74.6% of bugs on GizmoBench.",
         ["zorb matching"]),
        # An acronym a decimal value qualifies (not a count of hardware), in the plural too (not a class of systems).
        ("It reaches 2.59 FID and 281.9 ZS on ImageNet with 8 TPU cores.", ["FID", "ZS"]),
        ("It runs with ZTFs of 0.13 and 0.012 on CPU and GPU, and LLMs of 1.5 KB.", ["ZTFs"]),
        # A measure joined to a found one, in a frame or a sentence of values (not a quality: "robustness").
        ("FedZ wins in terms of both test accuracy and communication cost, and reaches 3% accuracy and robustness "
         "gains.", ["test accuracy", "communication cost", "accuracy"]),
        ("Longer outputs increase latency, memory usage, and cache demands.", ["latency"]),
        # A defined name the noun "metric" follows, or given a value, is a measure whatever its head.
        ("We design the conversational ZER (CZER) evaluation metric. A normalized minimum gizmo cost function "
         "(minGCF) of 0.072 follows.", ["conversational ZER", "CZER", "minimum gizmo cost function", "minGCF"]),
        # A coined name an article gives a decimal or a percentage, with words before it that say which.
        ("Our best system achieved a MinZCF of 0.0358 and an average GDT_ZS of 61.4, with ZorbNet at 3.1.",
         ["MinZCF", "GDT_ZS"]),
        # A name the text calls a metric: in apposition, after the noun, or with "as".
        ("We propose ZG-Score, a novel metric, and an improved metric, Zorb+, which helps. Two human metrics: "
         "Clarity and Gizmoing. We propose Zorb Consistency (ZC) as a complementary metric.",
         ["ZG-Score", "Zorb+", "Clarity", "Gizmoing", "Zorb Consistency", "ZC"]),
        # Values listed each with its measure, one of them known: the others are measures too (not "fewer
        # parameters", which the grammar does not read as one).
        ("It reaches 85.0% accuracy, 76.2% zorbity, and 91.2% gizmo specificity at the case level, and 2% accuracy "
         "and 20% fewer parameters.", ["accuracy", "zorbity", "gizmo specificity", "accuracy"]),
    ],
)
def test_metric_found(nlp, text, expected):
    assert found(nlp, text, "METRIC") == expected


@pytest.mark.parametrize(
    "text",
    [
        "This gives strong performance and efficiency with high quality.",
        "Accuracy matters in medical settings.",
        "Throughput is a concern for deployment.",
        "It improves performance by 3% and efficiency by 2x.",
        # A measure of several words in a sentence that reports no value names a goal; a measure trained with is
        # an objective.
        "It enhances temporal coherence and lowers GPU memory usage.",
        "It significantly reduces both training time and memory footprint.",
        "We use a mean squared error loss and an MSE loss between descriptors.",
        # The abstract's own meaning of letters that also name a metric.
        "We assemble an electron microscopy (EM) dataset, the largest to date with 45% more voxels.",
        # Measure words that measure nothing here: a verb, a goal without an amount, a setting.
        "The model learns to recall items from a list of 20 words.",
        "Dynamic tokenization improves inference speed.",
        "We raise the learning rate by 10x.",
        # Half of a compound that names a tension, even with a number in the sentence.
        "The efficiency-accuracy trade-off shifts by 3% with a quality-accuracy balance.",
        # A loss one trains with is no measure.
        "We add a contrastive loss to the objective.",
        "The distance between the two cities is what Pearson studied.",
        # An evaluation of a phrase with no number reports nothing.
        "It generates high-definition video with strong temporal consistency.",
        # A model's internal quantity is no measure of results.
        "Tokens with low attention scores of 0.1 are dropped.",
        # A list of measures ends at the verb after it.
        "Our framework wins in terms of robustness and generalization, and can be applied widely.",
        # Kinds of metric are not metrics; a list of things before a kind of metric is not one either.
        "Automatic and human metrics agree, unlike metrics, including those from fidelity.",
        "We vary feature sets, prompts and use automatic evaluation metrics.",
        "It cuts cost by 2% and wins in terms of both qualitative and quantitative evaluation.",
        # "respectively" is no word of the measure before it, and "performance" no measure.
        "It brings up to 5% and 20% increase in performance respectively.",
        # A family of metrics, and a benchmark's score.
        "It tracks BEV metrics and VQA-based metrics, with a ZorbBench score of 71.",
        # What a task predicts, defined as a rate, is no measure of results; nor a thing measured with no head.
        "Click-Through Rate (CTR) prediction drives ads, and FooNet improves CTR prediction by 2%.",
        "It is better in terms of revolutionizing work and study methods.",
        # Things listed before a quantity of metrics are none; memory as a faculty; an address.
        "It is built using mainstream simulators, high-impact datasets, and various metrics.",
        "Agents with human-like memory improve by 20%. Write to zorb@k.org.",
        # A model of a size, or given an article and a count, is no measure.
        "We train a ZorbNet of 50.2M parameters and a GizmoLM of 7 layers.",
        # A known measure a loss is named after, defined or not, is the loss's name.
        "A counting head is supervised by the Mean Square Error (MSE) loss, and a mean absolute error (MAE) loss.",
        # An adjective hyphened to a measure before a noun describes: one adjective, no measure.
        "Low-Latency Gizmo Detection\n\nIt operates in low-latency interactive applications, improving F by 3%.",
        # A loose word of relation evaluated with no number in its clause.
        "Visual tokens exhibit significantly stronger correlations with adjacent tokens.",
        # An adjective that evaluates without comparing carries over no list.
        "Using near-surface temperature, relative humidity, and wind speed, it improves by 3%.",
        # A sentence's first word, and the subject after a list of metrics, are not called metrics.
        "However, the employed metrics lack rigour. Using novel comparative metrics, ZorbPath prioritizes templates.",
    ],
)
def test_metric_not_found(nlp, text):
    assert found(nlp, text, "METRIC") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("COSMO: A Model\n\nWe propose COSMO, which beats GPT-4.", ["COSMO", "COSMO"]),
        ("A Study of Tokens\n\nWe introduce the ST-Align dataset and train LLaVA on it.", ["ST-Align"]),
        ("A Study\n\nWe evaluate GPT-4 and LLaMA-2-13B on MMLU.", []),
        ("Autoregressive Models in Vision: A Survey\n\nWe review VAR and LlamaGen.", []),
        ("A Study\n\nWe launch EVE, an encoder-free model that beats Fuyu-8B.", ["EVE"]),
        # Title Case words described at once are a name too, unless they state an idea.
        ("A Study\n\nWe introduce Liger Attention, an intra-layer hybrid attention mechanism.", ["Liger Attention"]),
        ("A Study\n\nWe introduce the Byte-Token Representation Lemma, a result on tokens.", []),
        # A part a sentence about the paper's own system defines is its own; what the system uses is not.
        ("PoseFoo: Animation\n\nWe propose PoseFoo. PoseFoo contains two parts: a Pose-Aware Control Module (PACM) "
         "and a decoder.", ["PoseFoo", "PoseFoo", "PoseFoo", "Pose-Aware Control Module"]),
        ("A Study\n\nOur model, the Rendered Intrinsics Network (RIN), joins an encoder and a decoder. Our method "
         "uses the ACM Computing Classification System (CCS) ontology.", ["Rendered Intrinsics Network"]),
        ("Zorb: Brains\n\nWe propose Zorb. Zorb is a generative pretrained transformer (GPT) model.", ["Zorb", "Zorb", "Zorb"]),
        # A long form of listed words is the name its acronym spells, not its first word.
        ("A Study\n\nWe propose the Plan, Eliminate, and Track (PET) framework. The Plan module reads a task.",
         ["Plan, Eliminate, and Track", "PET"]),
        # Cues without "we": a second verb, "new"/"novel", and the title name's released variants.
        ("A Study\n\nWe study tokens and introduce FooNet for them.", ["FooNet"]),
        ("A Study\n\nWe test LLaMA-2 on three new tasks (QuizQA and PuzzleQA).", ["QuizQA", "PuzzleQA"]),
        ("A Study\n\nTrained with our method, SRR, it outperforms STaR, while our method improves FooNet.", ["SRR"]),
        # After "our proposed", names a preposition gives the thing are what it is applied to.
        ("A Study\n\nWe evaluate our proposed ZorbNet approaches on two emotion databases GIZMOCAP and ZAVDESS.",
         ["ZorbNet"]),
        # A metric the cue gives, with its short form, as what the proposal is.
        ("A Study\n\nWe propose Zorb Consistency (ZC) as a complementary metric to accuracy.",
         ["Zorb Consistency", "ZC"]),
        # ... even a known name's variant, which the paper calls its own.
        ("A Study\n\nWe distill GPT-4. Our resulting model, LLaMA-Zorb, writes notes.", ["LLaMA-Zorb"]),
        ("A Study\n\nIt sets a new state-of-the-art on VideoChatGPT-Bench.", []),
        ("Zorro-VL: A Model\n\nIts variants Zorro-VL-Base and Zorro-VL-Chat beat GPT-4.",
         ["Zorro-VL", "Zorro-VL-Base", "Zorro-VL-Chat"]),
        # Each clause of a semicolon list opens with one more proposal; later clauses' other names don't.
        ("A Study\n\nWe introduce two systems: FooNet, which pairs LLaVA with BarRAG; and Baz-LLaVA, a tool.",
         ["FooNet", "Baz-LLaVA"]),
        ("A Study\n\nWe evaluate FooNet with BarRAG; and QuxNet is slower.", []),
        # "The result is X" names the outcome of the paper's design.
        ("A Study\n\nWe merge two ideas. The result is ConvQ5, an efficient variant.", ["ConvQ5"]),
        ("A Study\n\nThe result is worse for ConvQ5 than for FooNet.", []),
        # A known short form the paper defines in parentheses is its own; a known one cited is not.
        ("A Study\n\nWe present a novel Selective S4 (i.e., S5) model.", ["S5"]),
        ("A Study\n\nWe present a novel model that beats S4 (Gu et al.).", []),
        # Lower-case names counted out after a cue, or taken in turn ("One, X, ... The other, Y, ...").
        ("A Study\n\nWe propose two changes to the loss - soft clipping and head gating.",
         ["soft clipping", "head gating"]),
        ("A Study\n\nWe propose three changes to the loss - soft clipping and head gating.", []),
        ("A Study\n\nWe study two methods. One, state steering, helps. The other, guided search, works.",
         ["state steering", "guided search"]),
        ("A Study\n\nWe study the loss. Of these, only one, as shown, helps.", []),
        # A lower-case name right after the cue, in apposition; an article or "new" opens a description.
        ("A Study\n\nWe introduce staged forgetting, a simple extension of dropout.", ["staged forgetting"]),
        ("A Study\n\nWe introduce a new method, a simple extension of dropout.", []),
        # A name set off by commas after a description that has commas of its own; proposals in text order.
        ("A Study\n\nWe present a family with sizes of 0.5B, 1.8B, and 7B parameters, Quokka, which is fast. "
         "We also introduce Quokka Optimization (QO).", ["Quokka", "Quokka Optimization", "QO"]),
        ("A Study\n\nWe propose a method built on Zorbex, which is fast.", []),
        # A title whose subtitle studies rather than presents names its topic, not a model.
        ("Speech AI: An Empirical Study of Tokenizers\n\nSpeech AI is a field.", []),
        ("Echo Chambers: Understanding Feedback in Language Models\n\nWe probe models.", []),
        # An adverb or auxiliary inside the cue; the kind named before the name in apposition.
        ("A Study\n\nWe first propose Zebra-UNet, a network for segmentation.", ["Zebra-UNet"]),
        ("A Study\n\nWe are releasing the Quokka Model (QM) and its data.", ["Quokka Model", "QM"]),
        ("A Study\n\nWe propose a novel token compression method, TokenSqueeze^2, tailored for MLLMs.",
         ["TokenSqueeze^2"]),
        # A known name the cue introduces and describes is the paper's; one it cites is not.
        ("A Study\n\nWe introduce StreamingLLM, an efficient framework, and compare it with Llama-2.", ["StreamingLLM"]),
        ("A Study\n\nWe introduce Llama-2 (Touvron et al., 2023) into the loop.", []),
        # "our" before a name the paper defines.
        ("A Study\n\nWe train our Diffusion Transformers (DiTs) on images.", ["Diffusion Transformers", "DiTs"]),
        # A known name the text defines in plain brackets is the field's, not the paper's.
        ("A Study\n\nWe present ZorbMagic, a novel diffusion Transformer (DiT) framework, trained with Group Relative "
         "Policy Optimization (GRPO).", ["ZorbMagic"]),
        # No cue: the coined name that keeps opening sentences; a known one does not count.
        ("A Study\n\nFooOpt-SaI is a simple optimizer. FooOpt-SaI halves memory. It beats AdamW.", ["FooOpt-SaI"]),
        ("A Study\n\nLLaVA is strong. LLaVA is open. FooNet is new.", []),
        # The passive of the cue, and the paper saying its own idea is a defined name.
        ("A Study\n\nIn this work, adaptive draft sampling (ADS) is introduced. LLaVA is introduced as a baseline.",
         ["adaptive draft sampling", "ADS"]),
        ("A Study\n\nOur key idea is progressive token pruning (PTP), which drops tokens.",
         ["progressive token pruning", "PTP"]),
        # A quoted name with dashes after it; a measure the paper names is no proposed model.
        ('A Study\n\nWe propose "ZephyrScan"--a tuned model--for faces, using a new metric called the drift score.',
         ["ZephyrScan"]),
        # A short form the paper defines on its own proposed name is its variant; one on a cited name is not.
        ("GizmoNet: Nested Models\n\nWe find that a small GizmoNet speech model (GizmoSM) and a GizmoNet-based "
         "ViT (GizmoViT) transfer, unlike the Zorbex Large Model (ZLM).", ["GizmoNet", "GizmoNet", "GizmoSM", "GizmoViT"]),
        # One capitalised word the cue gives, used again later, is the paper's name; used once, or a plain
        # adjective before its noun, it is not.
        ("A Study\n\nWe introduce Glimmer, with a small adapter, for segmentation. Glimmer beats FooNet.", ["Glimmer"]),
        ("A Study\n\nWe introduce Glimmer, with a small adapter. We introduce Gaussian noise; Gaussian noise helps.",
         []),
        # A part the paper builds into its system and defines there is its own; a cited part is not.
        ("A Study\n\nWe then attach a Sparse Token Router (STR) to FooNet. Others use the Visual Query Generator (VQG).",
         ["Sparse Token Router", "STR"]),
        ("A Study\n\nWe incorporate cross-attention modules into Diffusion Transformer (DiT) to inject text.", []),
        # ... as is one "It" employs once the paper has a system of its own, modules in the plural, and a part
        # named in Title Case with its kind after a cue.
        ("A Study\n\nWe present ZorbNet. It employs a Deformable Spatial Enhancement (DSE) module and Gait Zorb "
         "Decomposer (GZD) modules.", ["ZorbNet", "Deformable Spatial Enhancement", "Gait Zorb Decomposer"]),
        # ... as are the parts a sentence names after the paper's system and a verb of what it is made of, defined
        # or described as parts; not those of a system the paper only uses.
        ("A Study\n\nWe present ZorbNet. The key components in our network include a zorb scaling module (ZSM) and a "
         "Gizmo Refinement Network (GRN).", ["ZorbNet", "zorb scaling module", "Gizmo Refinement Network"]),
        ("A Study\n\nWe propose ZorbNet, a restorer employing a Noise-aware Learner (NaLe) in the low-rank regime.",
         ["ZorbNet", "Noise-aware Learner"]),
        ("ZorbBody: Mesh Recovery\n\nThe regressor consists of three modules: Temporal Zorb Kinematics (TZK) and "
         "Motion-Centric Refinement (MCR).", ["ZorbBody", "Temporal Zorb Kinematics", "Motion-Centric Refinement"]),
        ("A Study\n\nOur approach consists of two parts: ZorbFuse, an adaptive fusion module, and ZorbTune, a tuning "
         "mechanism.", ["ZorbFuse", "ZorbTune"]),
        ("A Study\n\nThe key components in GizmoNet include a Noise-aware Learner (NaLe). ZorbFuse, a fusion module, "
         "helps.", []),
        ("A Study\n\nWe propose a new Context-Adaptive Proposal Module and an innovative Fake-Proposal Zorb Block.",
         ["Context-Adaptive Proposal Module", "Fake-Proposal Zorb Block"]),
        ("A Study\n\nWe propose a Distribution-Aware Zorb Module to make gradients accessible.",
         ["Distribution-Aware Zorb Module"]),
        # A known name and version a cue gives a word of the paper's own is the paper's (not a size or a tier).
        ("A Study\n\nWe have developed Llama-2-Legal and Mistral-Legal-7B. We also develop Llama-2-Chat further.",
         ["Llama-2-Legal", "Mistral-Legal-7B"]),
        # The variants named after the paper's own defined name.
        ("A Study\n\nWe propose Zorb Token Compression (ZTC). ZTC has two parts: ZTC-Cacher, which caches, and "
         "ZTC-Pruner, which prunes.", ["Zorb Token Compression", "ZTC", "ZTC-Cacher", "ZTC-Pruner"]),
        # The variants an introduced name gives its suffixes to.
        ("A Study\n\nWe propose ZAN, the first graph framework. Two variants, ZAN-Ensemble and ZAN-Unified, win.",
         ["ZAN", "ZAN-Ensemble", "ZAN-Unified"]),
        # A comparison or the model it was tuned from ends what a proposal names.
        ("A Study\n\nOur model, ZorbNet, matches QuuxLM-2 on math. We propose \"ZorbFace\"--a fine-tuned BarVLM model.",
         ["ZorbNet", "ZorbFace"]),
        # Title Case words a cue names and the text uses again.
        ("A Study\n\nTokens recur, so we propose Token Recycling. Token Recycling stores them.", ["Token Recycling"]),
        ("A Study\n\nWe present Long Contexts, which help.", []),
        # A name set off by commas after "namely", and used again.
        ("A Study\n\nWe build a graph framework, namely Ligandformer, for molecules. Ligandformer helps.",
         ["Ligandformer"]),
        # "we name X", "our X model", and the sizes of a proposed name.
        ("A Study\n\nWe fuse trees. We name our fusion method LLM-Boost. LLM-Boost wins.", ["LLM-Boost"]),
        ("A Study\n\nOur Mixed-CoT-RL model matches RL.", ["Mixed-CoT-RL"]),
        # ... a name the abstract coined before, used again after "our" (not a name a list knows).
        ("A Study\n\nWe explore a zorb-graph convolutional network (Zorb-GCN). Our Zorb-GCN optimises graphs. "
         "Our LLaVA model wins.", ["Zorb-GCN"]),
        ("A Study\n\nOur ZorbFlowNet3 outperforms FlowNet2 on Sintel. Our ZorbNet2 backbone is light.",
         ["ZorbFlowNet3"]),
        ("A Study\n\nAdditionally, we open-sourced Zorbstone-GPT, a financial LLM.", ["Zorbstone-GPT"]),
        ("A Study\n\nWe propose a framework, termed OREAL, for math. OREAL-32B also wins.", ["OREAL", "OREAL-32B"]),
        # Results presented are no proposal, nor the data a proposed model is run on.
        ("A Study\n\nWe present results on two public datasets (MultiWOZ and SGD) in both settings.", []),
        ("A Study\n\nWe propose a novel transfer model, utilizing the CheXpert dataset.", []),
        ("A Study\n\nTo verify the proposed method, we conduct experiments on the ZorbEmo database.", []),
        # "us to propose", a single author's "I present"; not "a study on" something else.
        ("A Study\n\nThis motivates us to propose the Gizmo Wavelet Network (GWN). I present ZorbKit too.",
         ["Gizmo Wavelet Network", "GWN", "ZorbKit"]),
        ("A Study\n\nI present a detailed study on ZorbFormer (ZF), which retrofits a transformer.", []),
        # A part the text names in capitals is the paper's own (not a known one's long form).
        ("A Study\n\nA Structural Gizmo Representation (SGR) module encodes priors, and a Gated Recurrent Unit "
         "(GRU) layer reads them.", ["Structural Gizmo Representation"]),
        # A part named in capitals with its kind as its last word, in a paper with a system of its own.
        ("Zorbeus: Music\n\nWe propose Zorbeus. The Conditional Gizmo Enhancement Module (CGEM) strengthens "
         "notes, and a gizmo-aware zorb module (GZM) counts them.",
         ["Zorbeus", "Zorbeus", "Conditional Gizmo Enhancement Module", "gizmo-aware zorb module"]),
        # ... its kind capitalised as part of the name ("the Sparse Motion Encoding (SME) Module").
        ("ZorbCam: Camera Control\n\nWe propose ZorbCam. Specifically, we deploy the Sparse Gizmo Encoding (SGE) "
         "Module to encode poses.", ["ZorbCam", "ZorbCam", "Sparse Gizmo Encoding"]),
        # A name set off after any noun the text calls new (not a task's); a technique's name, introduced.
        ("A Study\n\nFirst, we propose a novel vision-language projector, ZVTC. We define a new task, Gizmo Sorting, "
         "to test it.", ["ZVTC"]),
        ("A Study\n\nWe introduce Factorized Zorbization Quantization (FZ), a novel approach to tokenizers. "
         "Post-training quantization (PTQ) is common.", ["Factorized Zorbization Quantization", "FZ"]),
        # A name set off and called new; data the paper calls its own, even trained on; the core of its approach.
        ("A Study\n\nWe instantiate it through ZorbCraft, a new long-context benchmark built on Wikipedia.",
         ["ZorbCraft"]),
        ("A Study\n\nExperiments on our newly compiled benchmark dataset, ZorbWiki-2024, show gains. It is fine-tuned "
         "on ZorbAssist, our constructed dataset for summarization. We evaluate our approach on three benchmarks, "
         "nuScenes, NAVSIM and Waymo.", ["ZorbWiki-2024", "ZorbAssist"]),
        ("A Study\n\nAt the core of our approach is ZorbFormer, an expressive autoencoder.", ["ZorbFormer"]),
        ("A Study\n\nOur 4B model (ZMT-60-4B) surpasses the larger Aya-101-13B.", ["ZMT-60-4B"]),
        # A name the cue defines, a "with" among its words (and a known name, Mamba), and its short form.
        ("A Study\n\nWe propose Symbolic Zorb Diffusion with Mamba (SZDIM), a novel architecture.",
         ["Symbolic Zorb Diffusion with Mamba", "SZDIM"]),
        # A dash set off by spaces in the title stands for its colon.
        ("Zorby – A Lightweight Transformer for Point Clouds\n\nZorby is small.", ["Zorby", "Zorby"]),
        # A second verb of the paper's gives a defined name; a cue right before a two-letter definition; a word the
        # cue gives, described in the clause it opens.
        ("A Study\n\nWe observe drift and propose Hierarchical Gizmo Guidance (HGG) to learn content. We present "
         "Position Zorbolation (PZ) that extends windows. We propose ZANCER, which leverages graphs.",
         ["Hierarchical Gizmo Guidance", "HGG", "Position Zorbolation", "PZ", "ZANCER"]),
        # Any verb of proposing can be the second ("and then develop", "and construct").
        ("A Study\n\nWe study watermarks and then develop ZorbPark, a testbed. We collect data and construct "
         "ZorbInstruct-3M, a corpus.", ["ZorbPark", "ZorbInstruct-3M"]),
        # A coined part the paper's own system employs, its kind right after it.
        ("A Study\n\nWe propose ZorbTG, a model for grounding. It employs the AnyZength mechanism for sampling.",
         ["ZorbTG", "AnyZength"]),
        # A dash between spaces sets an apposition off as a comma does.
        ("A Study\n\nFinally, we present ZEMMET - an equality-constrained editing algorithm.", ["ZEMMET"]),
        # A naming verb may point back at what it names by its kind.
        ("A Study\n\nWe fine-tune it on a small share of its data, and refer to the resulting model as Zorbina.",
         ["Zorbina"]),
        # A measure the text calls new is proposed too.
        ("A Study\n\nWe introduce a new metric, Zorb Invocation Rate (ZIR), to measure context use.",
         ["Zorb Invocation Rate", "ZIR"]),
        ("A Study\n\nWe introduce the Programmatic Zorb Following (PZF) metric to measure the fraction followed.",
         ["Programmatic Zorb Following", "PZF"]),
        # A short form defined by a colon and the Title Case words its capitals spell; not a list's heading.
        ("A Study\n\nWe introduce a stage, ZCR: Zorbment via Contrastive Refinement. We propose two losses: (1) Zy-PC: "
         "Zorbolic Pairwise Confusion loss. Results: Zorb Tables Improve.",
         ["ZCR", "Zorbment via Contrastive Refinement", "Zy-PC", "Zorbolic Pairwise Confusion"]),
        # A known name the proposal's verb defines is the paper's (the paper that made it known), unlike one the
        # text only uses.
        ("A Study\n\nIn this paper, we propose conservative Q-learning (CQL), which aims to help. We also train "
         "with Group Relative Policy Optimization (GRPO).", ["conservative Q-learning"]),
        # A naming verb before a function word names nothing.
        ("A Study\n\nIn this paper, we call for more research on zorb models.", []),
        # A survey proposes nothing, whatever its cues.
        ("A Survey of Zorb Agents\n\nThis paper presents a review of Machine Reading Comprehension (MRC), and "
         "we introduce ZorbNet, a taxonomy.", []),
    ],
)
def test_proposes(nlp, text, expected):
    doc = nlp(text)
    assert [s.text for s in doc.spans[PROPOSES_KEY]] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Code: https://github.com/yuweihao/MambaOut/tree/main.", ["github.com/yuweihao/MambaOut"]),
        # A Hugging Face dataset, Space or collection is named with its section.
        ("Data at https://huggingface.co/datasets/HuggingFaceFW/fineweb and models at "
         "https://huggingface.co/collections/allenai/tulu-v25-suite-6667).",
         ["huggingface.co/datasets/HuggingFaceFW/fineweb", "huggingface.co/collections/allenai/tulu-v25-suite-6667"]),
        ("See https://huggingface.co/papers/2401.00001 and https://github.com/features/copilot.", []),
        # An anonymous copy for review is a repository too.
        ("Code: https://anonymous.4open.science/r/Private-C3E8.", ["anonymous.4open.science/r/Private-C3E8"]),
        # A space a page's conversion put after the host's dot or its slash; none later in the path, which ends
        # the link; a LaTeX macro around a link.
        ("Code is released at https://github. com/Euphoria16/DocMark. See github. io pages.",
         ["github.com/Euphoria16/DocMark"]),
        ("Code: https://github.com/ zorb/gizmo and \\url{https://github.com/zorb/net}, not github.com/ zorb net.",
         ["github.com/zorb/gizmo", "github.com/zorb/net"]),
        # Links glued by footnote marks to the word before, or to each other: each is a link of its own.
        ("Code is at https://github.com/zorb/gizmo,222https://github.com/zorb/net and page111https://hf.co/zorb/m.",
         ["github.com/zorb/gizmo", "github.com/zorb/net", "huggingface.co/zorb/m"]),
    ],
)
def test_repo_found(nlp, text, expected):
    doc = nlp(text)
    assert [s._.paperkg_canonical for s in doc.spans[SPANS_KEY] if s.label_ == "REPO"] == expected


def test_an_abbreviations_full_stop_ends_no_sentence(nlp):
    doc = nlp("We use BART (Lewis et al., 2020), which gets 17.9 ROUGE-L. It reaches 96.3% avg. SR on ZorbBench "
              "(see Fig. 3), approx. 5% more. It ends here.")
    assert [s.text for s in doc.sents] == [
        "We use BART (Lewis et al., 2020), which gets 17.9 ROUGE-L.",
        "It reaches 96.3% avg. SR on ZorbBench (see Fig. 3), approx. 5% more.", "It ends here."]


def _seconds(nlp, text: str) -> float:
    start = time.process_time()
    nlp(text)
    return time.process_time() - start


def test_adversarial_input_costs_no_more_than_ten_normal_ones(nlp):
    """Runs of hyphens, a long parenthesis and repeated name words stay linear.

    The baseline is real abstract text of the same length, timed in the same
    test, so the bound is on the ratio of work rather than on this machine's speed.
    """
    abstract = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])["abstract"]
    size = 100_000
    normal = (abstract + " ") * (size // len(abstract) + 1)
    adversarial = "LLaVA-" * 2000 + " (" + "a" * 5000 + ") " + "Model " * 3000 + "Called X. " * 3000
    baseline = _seconds(nlp, normal[:size])
    assert _seconds(nlp, (adversarial * 2)[:size]) <= 10 * baseline


def test_registry_gazetteers_say_where_each_name_comes_from():
    # Generated by tools/gazetteers/build.py from maintained packages (never runtime dependencies):
    # every file names its sources with version and licence, every entry its package.
    from paperkg.extractors.lexicon import GAZETTEER_DIR, load_names

    files = sorted(GAZETTEER_DIR.glob("*.registry.txt"))
    assert {path.name for path in files} >= {"models.registry.txt", "datasets.registry.txt",
                                              "benchmarks.registry.txt", "metrics.registry.txt"}
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        sources = [line for line in lines if line.startswith("# source: ")]
        assert sources and all("licence: " in line and any(c.isdigit() for c in line) for line in sources)
        packages = {line.split()[2] for line in sources}
        entries = [line for line in lines if line and not line.startswith("#")]
        assert entries and all(line.rsplit("# ", 1)[-1] in packages for line in entries), path.name
        hand_made = {name.lstrip("=~").casefold() for name in load_names(path.name.split(".")[0])[: -len(entries)]}
        assert not hand_made & {line.split("#")[0].strip().lstrip("=").casefold() for line in entries}


def test_measures_defined_as_one_and_the_head_a_measure_word_modifies_are_one_entity():
    from paperkg import Paper, extract_papers
    from paperkg.extract import gold_record

    found = gold_record(next(extract_papers([Paper("Zorb: Audio", (
        "We reach a mean average precision (mAP) score of 0.415, Dice scores of 0.91 and a recall rate of 80%."))])))
    assert found["entities"]["metric"] == ["mAP | mean average precision", "Dice scores | Dice", "recall rate"]
    # A measure phrase called by its value's word is the measure alone too; a "driving score" stays whole. (A
    # measure of several words counts in a sentence that reports a value: here, "+2%".)
    found = gold_record(next(extract_papers([Paper("Zorb: Captions", (
        "Zorb prompting without any additional modes obtains the best scores across rouge, meteor scores (+2%). It "
        "improves driving scores by 27%."))])))
    assert found["entities"]["metric"] == ["rouge", "meteor scores | meteor", "driving scores"]


@pytest.mark.parametrize(
    "text, label, expected",
    [
        # A coined name no list knows takes its kind from its role in the sentence.
        ("It reports state-of-the-art results on ReasonSeg.", "BENCHMARK", ["ReasonSeg"]),
        ("We pre-train it on SynthText and test it.", "DATASET", ["SynthText"]),
        # "the pre-trained X model with Y" is no training on Y.
        ("It joins the pre-trained LLaVA model with KG-RAG.", "DATASET", []),
        # Later items of the list a cue opens; an acronym reported on as a name, not as a modifier.
        ("Evaluations on FOOBAR, BazSet and QuxQA show gains on MRI scans.", "BENCHMARK", ["FOOBAR", "BazSet", "QuxQA"]),
        # ... a code of capitals and digits too, but not hardware ("A100").
        ("In a zero-shot evaluation on T-IC13 and ZQ3600, it wins; results on A100 follow.", "BENCHMARK",
         ["T-IC13", "ZQ3600"]),
        # What a paper defines in order to evaluate is a benchmark; a class is not, whatever it is for.
        ("We propose Ordered Event Recall (OER) to evaluate chronology.", "BENCHMARK", ["Ordered Event Recall", "OER"]),
        ("We use deep neural networks (DNNs) to test the brain data.", "BENCHMARK", []),
        # A sentence that opens on its evaluation targets names benchmarks, a task's acronym too.
        ("Pretraining helps. On GQA and SNLI^3, FooNet gains 2%. We study VQA tasks.", "BENCHMARK", ["GQA", "SNLI^3"]),
        # A coined name and its kind capitalised as a title; not a phrase's adjectives so written.
        ("Additionally, on the ZAFT Benchmark, TART improves GPT-Neo by 4%. We study Multiple-Choice Benchmarks too.",
         "BENCHMARK", ["ZAFT"]),
        ("In the PKU-ZORB-SOD Dataset, it detects. We build a Label-Consistent Dataset.", "DATASET", ["PKU-ZORB-SOD"]),
        # An acronym experiments are reported on, by the verb of the report, is data; not an item of a list.
        ("Experiments on ZEMOCAP show that our model works. Experiments on LlamaGEN and ZAR demonstrate it.", "DATASET",
         ["ZEMOCAP"]),
        # ... and a clause after a semicolon that opens so.
        ("It wins on ZorbIQ; on ZIRR, it boosts R@1 by 9.6%; and on ZIRCO, it gains. We use it; on the whole, "
         "it helps.",
         "BENCHMARK", ["ZIRR", "ZIRCO"]),
        # Data named as the source of examples, the whole list a training cue opens, and a value reported on it.
        ("We pretrain on unlabeled audio from SoundPool and VoxMix.", "DATASET", ["SoundPool", "VoxMix"]),
        ("It is pre-trained on BookStack and NewsHeap, then tuned.", "DATASET", ["BookStack", "NewsHeap"]),
        ("It reaches an FID of 5.47 on MJQ-30K.", "BENCHMARK", ["MJQ-30K"]),
        # A name in parentheses after a score is the data it was scored on.
        ("It cuts FID by 25.5% (ChestFoo-CXR) and 8.8% (EyeNetBar).", "DATASET", ["ChestFoo-CXR", "EyeNetBar"]),
        # "trained from" names the model it starts from, not data.
        ("Two models trained from base Zorbex-13B follow.", "DATASET", []),
        # A split names its data; an item's short form does not end its list; lower case with digits is a name.
        ("It sets records on the FooScapes val set.", "DATASET", ["FooScapes"]),
        ("Results on datasets like Long Range Foo (LRF), WikiFoo and sstv2.", "DATASET",
         ["Long Range Foo", "WikiFoo", "sstv2"]),
        # An abstract that calls its data "datasets", and never a benchmark, reports results on datasets.
        ("We run experiments on eight math datasets. It scores 96.0 on GSM-IC2-1K.", "DATASET", ["GSM-IC2-1K"]),
        ("We run experiments on eight math benchmarks. It scores 96.0 on GSM-IC2-1K.", "BENCHMARK", ["GSM-IC2-1K"]),
    ],
)
def test_data_kind_by_role(nlp, text, label, expected):
    assert found(nlp, text, label) == expected


def test_no_mention_crosses_the_line_between_title_and_abstract(sample_extracted):
    # A title's last word modifies nothing in the abstract: "A Study" + "Redemption Score achieves ..." names the
    # measure "Redemption Score", not "Study\n\nRedemption Score".
    papers = [Paper(title, abstract) for title, abstract in (
        ("A Study", "Redemption Score achieves a Kendall tau of 56.43, outperforming twelve prior methods."),
        ("Towards Strict", "Accuracy levels of 91.2% and a Gizmo Rate of 3.1% are reported."))]
    crossing = [m.text for found in [*sample_extracted, *extract_papers(papers)] for m in found.mentions
                if "\n" in m.text]
    assert crossing == []
