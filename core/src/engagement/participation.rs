//! How a person takes part in an activity: the input that decides the engagement level.

crate::bilingual_enum! {
    /// How a person takes part in an activity. The role catalogue maps each kind to an
    /// [`EngagementLevel`](super::EngagementLevel) (data, see [`super::RoleCatalogue`]).
    pub enum Participation {
        /// Attends, receives information.
        Attends => "attends", "attends", "assiste",
        /// Is asked for an opinion (survey, consultative committee, focus group).
        GivesOpinion => "gives_opinion", "gives an opinion", "donne son avis",
        /// Testifies, shares experience at the request of others.
        SharesExperience => "shares_experience", "shares experience", "témoigne",
        /// Accompanies a patient as a peer, within or alongside the care team.
        Accompanies => "accompanies", "accompanies a patient", "accompagne un patient",
        /// Contributes to work led by professionals.
        Contributes => "contributes", "contributes", "contribue",
        /// Co-animates with professionals.
        CoAnimates => "co_animates", "co-animates", "co-anime",
        /// Co-designs (co-construction of a project, a pathway, a tool).
        CoDesigns => "co_designs", "co-designs", "co-construit",
        /// Co-decides (shared decision, a vote in governance, co-leading).
        CoDecides => "co_decides", "co-decides", "co-décide",
    }
}
