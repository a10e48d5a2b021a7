"""The controlled vocabulary of instrument types, kept in this one file.

Each entry is aligned with the Global Trade Alert intervention types and the
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
