package org.patientpartner.jmh;

import static org.patientpartner.Patient_partner_ffiKt.defaultReportRequest;
import static org.patientpartner.Patient_partner_ffiKt.vocabularyLabelFr;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.patientpartner.*;

/**
 * The partners' app's flow through the typed Kotlin API (the same as AppFlowTest and
 * examples/kotlin AppFlow.kt): 12 user actions, one call each, then the month's table.
 * Single calls beside it. Run with `-prof gc` for the bytes allocated per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class AppFlowBench {
    static LocalDate day(int d) { return LocalDate.of(2023, 1, d); }

    final PartnerIdValue partner = new PartnerIdValue("PP-007");
    final EstablishmentIdValue establishment = new EstablishmentIdValue("EST-01");

    Referral referral(String id, String patient, Consent consent) {
        return new Referral(new ReferralIdValue(id), new PatientIdValue(patient), day(3),
            new ReferralSource.CareTeam(Profession.NURSE, new ProfessionalIdValue("PRO-12")),
            List.of(Need.EXPERIENCE_SHARING, Need.DAILY_LIFE_EFFECTS), PathwayStage.TREATMENT, consent,
            establishment, null, null);
    }

    Interview interview(String id, int d, Modality modality, ReferralIdValue ref) {
        return new Interview(new InterviewIdValue(id), day(d), partner, new PatientIdValue("PAT-0001"), modality, ref, 45,
            establishment);
    }

    /** The whole flow: 12 calls for 12 user actions, and the month's table (one call). */
    @Benchmark
    public ActivityReport appFlow() throws Exception {
        try (Journal journal = new Journal()) {
            Referral r = referral("REF-1", "PAT-0001", new Consent.Given(day(3)));
            journal.addReferral(r);
            journal.apply(r.getId(), day(4), new ReferralEvent.Assign(partner));
            journal.apply(r.getId(), day(5), ReferralEvent.Start.INSTANCE);
            journal.addInterview(interview("INT-5", 5, Modality.IN_PERSON, r.getId()));
            journal.addInterview(interview("INT-19", 19, Modality.VIDEO, r.getId()));
            journal.apply(r.getId(), day(26), new ReferralEvent.Close(ReferralOutcome.ORIENTED,
                List.of(new Orientation.Professional(Profession.PSYCHOLOGIST))));
            Referral declined = referral("REF-2", "PAT-0002", Consent.NotAsked.INSTANCE);
            journal.addReferral(declined);
            journal.apply(declined.getId(), day(6), new ReferralEvent.Decline(DeclineReason.PATIENT_REFUSED));
            journal.addActivity(new Activity(new ActivityIdValue("ACT-1"), day(12), partner, Mission.SUPPORT_GROUP,
                ActivityModality.HYBRID, 90, 8, null, null, establishment));
            journal.addActivity(new Activity(new ActivityIdValue("ACT-2"), day(20), partner, Mission.PROFESSIONAL_TRAINING,
                ActivityModality.IN_PERSON, 120, 15, null, null, null));
            journal.stateOf(r.getId());
            return journal.activityReport(defaultReportRequest(new Period(day(1), day(31))));
        }
    }

    Journal held;
    ReferralIdValue held_id = new ReferralIdValue("REF-1");

    @Setup(Level.Trial)
    public void hold() throws Exception {
        held = new Journal();
        held.addReferral(referral("REF-1", "PAT-0001", new Consent.Given(day(3))));
    }

    @TearDown(Level.Trial)
    public void release() { held.close(); }

    /** One read of a referral's state (a record in, an enum out). */
    @Benchmark
    public ReferralState stateOf() throws Exception { return held.stateOf(held_id); }

    /** One French label, for a screen. */
    @Benchmark
    public String labelFr() { return vocabularyLabelFr(new VocabularyValue.Mission(Mission.SUPPORT_GROUP)); }

    /** One month's table of a journal with two interviews. */
    @Benchmark
    public ActivityReport monthTable() throws Exception {
        return held.activityReport(defaultReportRequest(new Period(day(1), day(31))));
    }
}
