//! The closed value sets of the domain model (design.md §3), each with its label and meaning.

use super::choice::choice_enum;

choice_enum! {
    /// Which part of society an actor belongs to.
    pub enum Sector {
        State => ("State", "Any government body: ministries, provincial, district and commune administrations, public service providers."),
        CivilSociety => ("Civil society", "NGOs, civil society and community-based organisations, research institutes."),
        Private => ("Private", "Companies, small and medium enterprises and business associations."),
        Community => ("Community", "Citizens, volunteers, parents and user groups acting for themselves."),
        Donor => ("Donor", "External funders and international agencies."),
        Joint => ("Joint", "Joint committees and platforms that are themselves made of several actors."),
    }
}

impl Sector {
    /// Non-state means civil society, private or community (design.md §3).
    pub fn is_non_state(self) -> bool {
        matches!(self, Self::CivilSociety | Self::Private | Self::Community)
    }

    /// Suggested values for an actor's `kind` in this sector.
    pub fn kind_suggestions(self) -> &'static [&'static str] {
        match self {
            Self::State => &[
                "national ministry",
                "national agency/unit",
                "provincial administration",
                "district/municipal administration",
                "one-window service office",
                "commune/sangkat council",
                "service provider (school, health centre)",
                "village authority",
            ],
            Self::CivilSociety => &[
                "international NGO",
                "local NGO",
                "CBO",
                "research/evaluation",
            ],
            Self::Private => &["company", "SME", "association"],
            Self::Community => &["citizens' group", "volunteers", "parents"],
            Self::Donor => &["multilateral", "bilateral", "foundation"],
            Self::Joint => &["joint committee", "multi-stakeholder platform"],
        }
    }
}

choice_enum! {
    /// The tier of governance an actor works at, from international down to village.
    pub enum Level {
        International => ("International", "Works across countries: donors, international agencies and NGOs."),
        National => ("National", "Works for the whole country: ministries, national agencies and NGOs."),
        Provincial => ("Provincial", "Works for a province: provincial administrations and organisations."),
        District => ("District", "Works for a district or municipality."),
        Commune => ("Commune", "Works for a commune or sangkat: councils and local organisations."),
        Village => ("Village", "Works in a village: schools, health centres, citizens and their groups."),
    }
}

choice_enum! {
    /// What a partnership is for (DFGG Learning Notes 15 and 16: function).
    pub enum Function {
        ServiceDelivery => ("Service delivery", "Providing a public service together or on behalf of another."),
        Infrastructure => ("Infrastructure", "Building or maintaining roads, schools, water and other facilities."),
        Accountability => ("Accountability", "Monitoring, scorecards, report cards and other ways of holding services to account."),
        PolicyInfluence => ("Policy influence", "Advocacy: shaping laws, policies, plans or budgets."),
        CapacityBuilding => ("Capacity building", "Training, coaching and strengthening organisations."),
        DisputeResolution => ("Dispute resolution", "Settling conflicts and complaints, for example by mediation."),
        Learning => ("Learning", "Knowledge exchange, research and evaluation."),
        Coordination => ("Coordination", "Aligning plans and activities between actors."),
        Financing => ("Financing", "Grants, co-financing and other flows of money."),
    }
}

choice_enum! {
    /// How deep a partnership goes (DFGG Learning Notes 15 and 17: form), from shallow to deep.
    pub enum Form {
        Interaction => ("Interaction", "Occasional contact or exchange of information."),
        Coalition => ("Coalition", "Partners align priorities and activities and keep each other informed, with no joint goals or shared resources."),
        Collaboration => ("Collaboration", "A defined mechanism (joint committee, MoU, joint training) with explicit roles, shared facilities or joint activities."),
        Integrated => ("Integrated", "A mechanism to jointly manage resources, plus jointly set strategy or mutual decision-making."),
    }
}

impl Form {
    /// The depth as a number from 0 (Interaction) to 3 (Integrated).
    pub fn depth(self) -> u8 {
        self as u8
    }
}

choice_enum! {
    /// How formal a partnership is, from a personal relationship to a statutory cycle (0–5).
    pub enum Formality {
        Personal => ("Personal", "Rests on personal relationships between individuals."),
        PermissionPerActivity => ("Permission per activity", "One side must ask the other for permission before each activity."),
        LetterOfSupport => ("Letter of support", "A letter of support or similar written endorsement."),
        Mou => ("MoU", "A signed memorandum of understanding."),
        ContractOrGrant => ("Contract or grant", "A binding contract, service agreement or grant agreement."),
        Institutionalised => ("Institutionalised", "Part of a statutory planning or budgeting cycle."),
    }
}

impl Formality {
    /// The formality as a number from 0 (Personal) to 5 (Institutionalised).
    pub fn rank(self) -> u8 {
        self as u8
    }
}

choice_enum! {
    /// An actor's stance toward the shared goal.
    pub enum Stance {
        Supports => ("Supports", "Works for the shared goal."),
        Neutral => ("Neutral", "Neither works for nor against the shared goal."),
        Opposes => ("Opposes", "Works against the shared goal."),
    }
}

choice_enum! {
    /// Which way accountability mainly runs in a partnership (LN15: mainly upward).
    pub enum Accountability {
        Upward => ("Upward", "Mainly toward the higher authority or the funder."),
        Downward => ("Downward", "Mainly toward citizens and the communities served."),
        Mutual => ("Mutual", "Each side answers to the other."),
    }
}

choice_enum! {
    /// How the risks of the partnership are carried.
    pub enum Risk {
        None => ("None", "The partnership carries no real risk for either side."),
        OneSided => ("One-sided", "One side carries the risks."),
        Shared => ("Shared", "Both sides carry the risks together."),
    }
}

choice_enum! {
    /// Who started the partnership.
    pub enum Initiator {
        A => ("First actor (a)", "The first actor, `a`, started it."),
        B => ("Second actor (b)", "The second actor, `b`, started it."),
        Joint => ("Both", "Both actors started it together."),
        ThirdParty => ("Third party", "Someone else, such as a donor or project, started it."),
    }
}

choice_enum! {
    /// Where a partnership stands in time.
    #[derive(Default)]
    pub enum Status {
        Planned => ("Planned", "Agreed or intended, not yet working."),
        #[default]
        Active => ("Active", "Working now."),
        Ended => ("Ended", "No longer working."),
    }
}

choice_enum! {
    /// Which attribute gives partnership lines their colour on the canvas.
    #[derive(Default)]
    pub enum ColourBy {
        #[default]
        Trust => ("Trust", "Colour by mean trust, from orange (none) to purple (full); grey when unknown."),
        Form => ("Form", "Colour by how deep the partnership goes."),
        Function => ("Function", "Colour by the first function of the partnership."),
        Formality => ("Formality", "Colour by how formal the partnership is."),
        Disagreement => ("Disagreement", "Colour by how far the perspectives' values differ, from blue (they agree) to dark red (far apart); grey when fewer than two voices rated it."),
    }
}

/// Suggested resource tags for actors (design.md §3).
pub const RESOURCE_SUGGESTIONS: &[&str] = &[
    "funds",
    "facilities",
    "staff",
    "expertise",
    "information",
    "authority",
    "convening",
    "local knowledge",
];

/// Suggested enablers of partnership, from the source documents.
pub const ENABLER_SUGGESTIONS: &[&str] = &[
    "common language on accountability",
    "joint training",
    "defined mechanism with day-to-day informality",
    "MoU or letter of support",
    "joint committee",
    "explicit roles",
    "aligned with mandate",
    "service delivery combined with accountability",
    "multi-sector platform",
    "institutionalised planning",
    "neutral convener",
    "shared facilities",
];

/// Suggested disablers of partnership, from the source documents.
pub const DISABLER_SUGGESTIONS: &[&str] = &[
    "hierarchy and power imbalance",
    "personal rather than institutional ties",
    "bureaucratic protocol",
    "upward-only accountability",
    "officials lack decision authority",
    "capacity gap",
    "scarce local funding",
    "donor earmarking",
    "distrust on contentious issues",
    "provider vs advocate dilemma",
    "short project cycles",
    "hidden agendas",
    "tokenism",
];
