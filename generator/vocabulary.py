"""The controlled vocabulary, kept in this one file: the instrument types, and the words
readers search with (abbreviations, synonyms, Chinese terms) for records and codes.

Each instrument type is aligned with the Global Trade Alert intervention types and the
UNCTAD MAST chapters they fall under (chapter P: export-related measures; the
GTA files export credit insurance and guarantees under trade finance).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Instrument:
    """An instrument type a measure can use."""

    label: str
    gta_type: str
    mast_chapter: str
    description: str


INSTRUMENTS: dict[str, Instrument] = {
    "trade-finance": Instrument(
        "Trade finance",
        "Trade finance",
        "P7 (export support measures)",
        "Loans, credit lines and other financing for traders.",
    ),
    "export-credit-insurance": Instrument(
        "Export credit insurance and guarantees",
        "Trade finance",
        "P7 (export support measures)",
        "Insurance or guarantees against a foreign buyer's failure to pay.",
    ),
    "domestic-credit-insurance": Instrument(
        "Domestic trade credit insurance",
        "none (domestic measure)",
        "not classified by MAST (domestic measure)",
        "Insurance against a domestic buyer's failure to pay.",
    ),
    "premium-subsidy": Instrument(
        "Interest or premium subsidy",
        "Export subsidy",
        "P7 (export support measures)",
        "Public money that pays part of an interest bill or insurance premium.",
    ),
    "monetary-policy": Instrument(
        "Monetary policy",
        "none (macroeconomic measure)",
        "not classified by MAST (macroeconomic measure)",
        "Interest rate and reserve requirement decisions of the central bank.",
    ),
    "trade-facilitation": Instrument(
        "Trade facilitation",
        "none (facilitation)",
        "P (export-related measures)",
        "Simpler settlement, logistics, travel or procedures for traders.",
    ),
    "cross-border-settlement": Instrument(
        "Cross-border trade settlement",
        "Trade payment measure",
        "not classified by MAST (financial measure)",
        "Settlement of trade across borders (in renminbi or other currencies) and currency risk.",
    ),
    "e-commerce-support": Instrument(
        "Cross-border e-commerce support",
        "none (facilitation)",
        "P (export-related measures)",
        "Support for online export channels and their logistics.",
    ),
    "export-promotion": Instrument(
        "Export promotion",
        "Financial assistance in foreign market",
        "P (export-related measures)",
        "Help with markets, brands and buyers abroad.",
    ),
    "industrial-policy": Instrument(
        "Industrial policy",
        "State aid, unspecified",
        "not classified by MAST (domestic measure)",
        "Support for industry: upgrades, supply chains, green and digital change.",
    ),
    "labour-and-cost-relief": Instrument(
        "Employment and cost relief",
        "State aid, unspecified",
        "not classified by MAST (domestic measure)",
        "Help to keep jobs and lower firms' running costs.",
    ),
    "policy-guidance": Instrument(
        "Policy guidance",
        "none (guidance)",
        "not classified by MAST",
        "Guidelines and coordination that steer other bodies.",
    ),
}


@dataclass(frozen=True)
class SearchTerms:
    """The words readers use for a record or a code that its page may not hold. Search alone
    reads them (they are never shown): a page is found by its own terms, and a measure or an
    event also by the terms of what it names (its topics, instruments, eligible firms, agencies
    and places), less strongly."""

    words: tuple[str, ...] = ()
    """Abbreviations and synonyms in English: SME, RRR, central bank."""
    zh: tuple[str, ...] = ()
    """Chinese terms, our translation (no source gives them): 保费补贴. Search finds a page by any
    word inside one, as inside a Chinese name."""


SEARCH_TERMS: dict[str, SearchTerms] = {
    # Agencies: the short names the press uses.
    "agencies/peoples-bank-of-china": SearchTerms(("PBOC", "PBoC", "central bank"), ("央行",)),
    "agencies/ministry-of-commerce": SearchTerms(("MOFCOM", "commerce ministry"), ()),
    "agencies/national-financial-regulatory-administration": SearchTerms(
        ("NFRA", "financial regulator", "banking regulator", "insurance regulator"), ("金融监管总局",)
    ),
    "agencies/china-export-and-credit-insurance-corporation": SearchTerms(
        ("Sinosure", "export credit agency", "ECA"), ("中国信保", "中信保")
    ),
    "agencies/ministry-of-industry-and-information-technology": SearchTerms(("MIIT", "industry ministry"), ("工信部",)),
    "agencies/national-development-and-reform-commission": SearchTerms(("NDRC",), ("发改委", "国家发改委")),
    "agencies/chinese-government": SearchTerms(("central government", "PRC government"), ("中央政府",)),
    "agencies/united-states-government": SearchTerms(("US government", "U.S. government", "Washington"), ()),
    # Places.
    "places/china": SearchTerms(("PRC", "People's Republic of China", "mainland China"), ()),
    "places/united-states": SearchTerms(("US", "USA", "U.S.", "America"), ()),
    # Topics.
    "topics/small-and-medium-sized-enterprises": SearchTerms(
        ("SME", "SMEs", "MSME", "MSMEs", "small firms", "small businesses"), ("中小企业", "中小微企业")
    ),
    "topics/premium-subsidies": SearchTerms(("premium subsidy", "insurance subsidy"), ("保费补贴",)),
    "topics/export-credit-insurance": SearchTerms(("ECI", "export credit cover"), ("出口信保",)),
    "topics/trade-credit-insurance": SearchTerms((), ("信保",)),
    "topics/domestic-trade-credit-insurance": SearchTerms(("domestic credit insurance",), ("内贸险",)),
    "topics/monetary-easing": SearchTerms(
        ("RRR", "reserve requirement ratio", "rate cut", "interest rate cut", "monetary policy"), ("降准", "降息")
    ),
    "topics/cross-border-rmb-settlement": SearchTerms(("yuan settlement", "renminbi settlement", "CNY"), ()),
    "topics/cross-border-settlement": SearchTerms(("currency risk", "exchange rate risk"), ("跨境结算",)),
    "topics/cross-border-e-commerce": SearchTerms(("CBEC", "online exports"), ("跨境电商",)),
    "topics/trade-financing": SearchTerms(("trade finance", "export finance", "loans"), ()),
    "topics/foreign-trade-stabilisation": SearchTerms(("stabilization", "stable foreign trade"), ("稳外贸",)),
    "topics/employment-and-burden-relief": SearchTerms(("jobs", "employment"), ("稳就业", "减负")),
    "topics/us-china-tariff-war": SearchTerms(("trade war", "tariffs", "Trump tariffs"), ("贸易战", "关税战")),
    "topics/agricultural-exports": SearchTerms(("farm exports", "agriculture"), ("农产品出口",)),
    "topics/logistics-and-shipping": SearchTerms(("freight", "ports"), ("物流", "航运")),
    "topics/private-economy-support": SearchTerms(("private sector", "private firms"), ("民营经济",)),
    "topics/credit-insurance-claims": SearchTerms(("claims settlement", "payouts"), ("理赔",)),
    "topics/exporters-domestic-market-pivot": SearchTerms(("export-to-domestic",), ("出口转内销",)),
    # Instruments (the codes above).
    "instruments/trade-finance": SearchTerms(("trade financing", "loans"), ("贸易融资",)),
    "instruments/export-credit-insurance": SearchTerms(("ECI",), ("出口信用保险", "出口信保")),
    "instruments/domestic-credit-insurance": SearchTerms((), ("国内贸易信用保险", "内贸险")),
    "instruments/premium-subsidy": SearchTerms(("interest subsidy", "premium subsidies"), ("保费补贴", "贴息")),
    "instruments/monetary-policy": SearchTerms(
        ("RRR", "reserve requirement ratio", "rate cut", "central bank"), ("货币政策", "降准", "降息")
    ),
    "instruments/trade-facilitation": SearchTerms((), ("贸易便利化",)),
    "instruments/cross-border-settlement": SearchTerms((), ("跨境结算",)),
    "instruments/e-commerce-support": SearchTerms(("CBEC",), ("跨境电商",)),
    "instruments/export-promotion": SearchTerms((), ("出口促进",)),
    "instruments/industrial-policy": SearchTerms((), ("产业政策",)),
    "instruments/labour-and-cost-relief": SearchTerms(("jobs",), ("稳就业", "减负")),
    # Eligible firms (a measure's eligible_firms codes).
    "eligible_firms/smes": SearchTerms(
        ("SME", "SMEs", "MSME", "MSMEs", "small firms", "small businesses"), ("中小企业", "中小微企业")
    ),
}
"""Search terms by what they belong to: a record as ``<folder>/<id>`` (topics/premium-subsidies),
an instrument type as ``instruments/<code>``, a kind of eligible firm as ``eligible_firms/<code>``.
One list, so that a reader's word is added once; ``tests/test_search.py`` checks that every key
names a record, instrument or code that exists."""
