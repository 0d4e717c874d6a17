package dev.hibernateae.samples.clinic;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The clinic's REST API. SSNs travel in request bodies, never in URLs, which end up in access logs.
 *
 * <pre>
 * POST /patients              {"ssn":"795-73-9838","birthDate":"1815-12-10","firstName":"Ada","lastName":"Lovelace"}
 * GET  /patients/{id}
 * GET  /patients?lastName=Hopper&amp;page=0&amp;size=20&amp;sort=firstName
 * POST /patients/lookup       {"ssn":"795-73-9838"}
 * GET  /patients/{id}/stored  the row as the database holds it (ciphertext as hex)
 * </pre>
 * Sorting by an encrypted attribute ({@code sort=ssn}) is refused with 400 and the reason.
 */
@RestController
@RequestMapping("/patients")
public class PatientController {
    private static final Pattern SSN = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");

    private final PatientRepository patients;
    private final StoredPatients stored;

    public PatientController(PatientRepository patients, StoredPatients stored) {
        this.patients = patients;
        this.stored = stored;
    }

    public record NewPatient(String ssn, LocalDate birthDate, String firstName, String lastName) {
    }

    public record PatientView(long id, String ssn, LocalDate birthDate, String firstName, String lastName) {
        static PatientView of(Patient p) {
            return new PatientView(p.getId(), p.getSsn(), p.getBirthDate(), p.getFirstName(), p.getLastName());
        }
    }

    public record SsnLookup(String ssn) {
    }

    public record PatientPage(List<PatientView> patients, int page, int size, long total) {
    }

    public record StoredRow(long id, String ssn, String birthDate, String firstName, String lastName) {
    }

    @PostMapping
    @Transactional
    public ResponseEntity<PatientView> create(@RequestBody NewPatient request) {
        requireSsn(request.ssn());
        if (patients.existsBySsn(request.ssn())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "A patient with this SSN exists");
        }
        Patient saved = patients.save(new Patient(request.ssn(), request.birthDate(), request.firstName(),
                request.lastName()));
        return ResponseEntity.created(URI.create("/patients/" + saved.getId())).body(PatientView.of(saved));
    }

    @GetMapping("/{id}")
    public PatientView get(@PathVariable("id") long id) {
        return patients.findById(id).map(PatientView::of).orElseThrow(() -> notFound());
    }

    @GetMapping
    public PatientPage list(@RequestParam(name = "lastName", required = false) String lastName, Pageable pageable) {
        Page<Patient> page = lastName == null ? patients.findAll(pageable) : patients.findByLastName(lastName, pageable);
        return new PatientPage(page.map(PatientView::of).getContent(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }

    @PostMapping("/lookup")
    public PatientView lookup(@RequestBody SsnLookup request) {
        requireSsn(request.ssn());
        return patients.findBySsn(request.ssn()).map(PatientView::of).orElseThrow(() -> notFound());
    }

    @GetMapping("/{id}/stored")
    public StoredRow stored(@PathVariable("id") long id) {
        StoredPatients.StoredPatient row = stored.byId(id).orElseThrow(() -> notFound());
        return new StoredRow(row.id(), row.ssnHex(), row.birthDateHex(), row.firstName(), row.lastName());
    }

    private static void requireSsn(String ssn) {
        if (ssn == null || !SSN.matcher(ssn).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "ssn must look like 123-45-6789");
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such patient");
    }
}
