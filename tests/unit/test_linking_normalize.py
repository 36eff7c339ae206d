"""Spelling normalization shared by the store and the linker."""

import pytest

from kg.linking.normalize import match_key, normalize, singular, slug
from kg.mesh import uninvert


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("TNF-α", "TNF alpha"),
        ("TNF-α", "TNFalpha"),
        ("IL-1β", "IL1 beta"),
        ("IL-1β", "il-1beta"),
        ("mesenchymal stem cells", "Mesenchymal Stem Cell"),
        ("MSCs", "MSC"),
        ("EVs", "EV"),
        ("Alzheimer's disease", "Alzheimer disease"),
        ("anaemia", "anemia"),
        ("pregnenolone sulphate", "pregnenolone sulfate"),
        ("dorsal root ganglia", "dorsal root ganglion"),
        ("Non-small-cell lung carcinoma", "non small cell lung carcinoma"),
    ],
)
def test_variants_share_a_key(a, b):
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(("a", "b"), [("ROS", "RO"), ("cell", "cells line"), ("coenzyme", "cenzyme"), ("rise", "rize")])
def test_distinct_names_keep_distinct_keys(a, b):
    assert match_key(a) != match_key(b)


def test_all_caps_abbreviation_is_not_singularized():
    assert normalize("ROS") == "ros"
    assert normalize("reactive oxygen species") == "reactive oxygen species"


@pytest.mark.parametrize(("word", "expected"), [("cells", "cell"), ("species", "species"), ("arteries", "artery"),
                                                ("mice", "mouse"), ("diabetes", "diabetes"), ("sepsis", "sepsis"),
                                                ("gas", "gas")])
def test_singular(word, expected):
    assert singular(word) == expected


def test_uninvert_mesh_labels():
    assert uninvert("Pain, Neuropathic") == "Neuropathic Pain"
    assert uninvert("Leukemia, Myeloid, Acute") == "Acute Myeloid Leukemia"
    assert uninvert("1,2-Dichloroethane") is None
    assert uninvert("Aspirin") is None


def test_slug_is_deterministic_and_readable():
    assert slug("Chronic Constriction Injuries") == "chronic_constriction_injury"
    assert slug("TNF-α") == slug("TNF alpha") == "tnf_alpha"
