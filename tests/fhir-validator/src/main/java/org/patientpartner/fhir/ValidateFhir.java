package org.patientpartner.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

/**
 * Validates FHIR R4 JSON files with the HAPI validator, offline, in one JVM (issue 14).
 *
 * <pre>
 * ValidateFhir --conformance DIR [--valid FILE...] [--invalid FILE...]
 * </pre>
 *
 * <p>Every {@code *.json} of {@code DIR} (our CodeSystems, ValueSets and Measure) is served to
 * the validator and validated itself. Each {@code --valid} file must have no error; each
 * {@code --invalid} file must have at least one (negative tests: the check cannot pass
 * vacuously). Every message is printed with its severity, location and id; the last line is
 * {@code N passed, M failed}. Exit code 0 only when every file met its expectation.
 */
public final class ValidateFhir {

  /** Serves our Measure to the MeasureReport checks (PrePopulatedValidationSupport keeps none). */
  static final class MeasureSupport implements IValidationSupport {
    private final FhirContext ctx;
    private final Map<String, Measure> byUrl = new HashMap<>();

    MeasureSupport(FhirContext ctx) {
      this.ctx = ctx;
    }

    void add(Measure m) {
      byUrl.put(m.getUrl(), m);
      if (m.hasVersion()) {
        byUrl.put(m.getUrl() + "|" + m.getVersion(), m);
      }
    }

    @Override
    public FhirContext getFhirContext() {
      return ctx;
    }

    @Override
    public String getName() {
      return "patient-partner Measure support";
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
      if (uri == null || (type != null && !type.isAssignableFrom(Measure.class))) {
        return null;
      }
      return (T) byUrl.get(uri);
    }
  }

  private record Checked(String file, boolean expectErrors) {}

  public static void main(String[] args) throws Exception {
    Path conformance = null;
    List<Checked> files = new ArrayList<>();
    boolean invalid = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--conformance" -> conformance = Path.of(args[++i]);
        case "--valid" -> invalid = false;
        case "--invalid" -> invalid = true;
        default -> files.add(new Checked(args[i], invalid));
      }
    }
    if (conformance == null) {
      System.err.println("usage: ValidateFhir --conformance DIR [--valid FILE...] [--invalid FILE...]");
      System.exit(2);
    }

    FhirContext ctx = FhirContext.forR4();
    IParser parser = ctx.newJsonParser();
    PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(ctx);
    MeasureSupport measures = new MeasureSupport(ctx);
    List<Checked> all = new ArrayList<>();
    try (Stream<Path> listing = Files.list(conformance)) {
      for (Path p : listing.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        IBaseResource r = parser.parseResource(Files.readString(p, StandardCharsets.UTF_8));
        if (r instanceof Measure m) {
          measures.add(m);
        } else {
          ours.addResource(r);
        }
        all.add(new Checked(p.toString(), false));
      }
    }
    all.addAll(files);

    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(ctx),
            ours,
            measures,
            new CommonCodeSystemsTerminologyService(ctx),
            new InMemoryTerminologyServerValidationSupport(ctx),
            new SnapshotGeneratingValidationSupport(ctx));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    module.setAnyExtensionsAllowed(true);
    module.setErrorForUnknownProfiles(true);
    module.setNoTerminologyChecks(false);
    module.setBestPracticeWarningLevel(BestPracticeWarningLevel.Warning);
    FhirValidator validator = ctx.newValidator();
    validator.registerValidatorModule(module);

    int passed = 0;
    int failed = 0;
    int warnings = 0;
    for (Checked c : all) {
      ValidationResult result =
          validator.validateWithResult(Files.readString(Path.of(c.file()), StandardCharsets.UTF_8));
      int errors = 0;
      for (SingleValidationMessage m : result.getMessages()) {
        ResultSeverityEnum s = m.getSeverity();
        if (s == ResultSeverityEnum.ERROR || s == ResultSeverityEnum.FATAL) {
          errors++;
        } else if (s == ResultSeverityEnum.WARNING) {
          warnings++;
        } else {
          continue; // information: not printed
        }
        System.out.printf(
            "%s\t%s\t%s\t[%s]\t%s%n",
            c.file(), s, m.getLocationString(), m.getMessageId(), m.getMessage());
      }
      boolean ok = c.expectErrors() ? errors > 0 : errors == 0;
      if (ok) {
        passed++;
      } else {
        failed++;
        System.out.printf(
            "%s\tFAILED\t%s%n",
            c.file(), c.expectErrors() ? "expected at least one error, found none" : errors + " errors");
      }
    }
    System.out.printf("fhir-validator: %d warnings%n", warnings);
    System.out.printf("%d passed, %d failed%n", passed, failed);
    System.exit(failed == 0 ? 0 : 1);
  }
}
