package org.lrms.circulation.loan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Answers a retried request (same {@code Idempotency-Key} from the same user) with the first answer. The key row is
 * claimed first in the request's transaction: a concurrent retry waits on it and then replays the committed answer.
 * An answer older than the retention ({@link IdempotencyRetention}) is not replayed: the key starts a new request.
 * The key stands for one request: the same key with another body (another item, another amount) is refused with 422
 * {@code idempotency-key-reused}, as the IETF Idempotency-Key draft says, rather than answering the first request's
 * outcome for a request that was never made.
 */
@ApplicationScoped
public class IdempotentRequests {

    public record Answer(int status, String body) {
    }

    @Inject
    EntityManager em;

    @Inject
    IdempotencyRetention retention;

    @Inject
    SiteScope scope;

    @Inject
    ObjectMapper json;

    /**
     * Runs {@code work} once per key: a request of {@code kind} (check-out, payment, waiver...) by the caller with
     * {@code idempotencyKey} answers {@code status} and the view {@code work} made, as JSON; a retry with the same
     * {@code request} answers that again and does not run {@code work}; a retry with another request is refused.
     * Without a key, {@code work} just runs. A refusal {@code work} throws rolls the claim back with the rest, so a
     * retry tries again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Answer once(String kind, String idempotencyKey, Object request, int status, Supplier<?> work) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null
                : kind + "|" + scope.userName() + "|" + idempotencyKey.strip();
        if (key != null) {
            Optional<Answer> earlier = claim(key, fingerprint(request));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String body;
        try {
            body = json.writeValueAsString(work.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the " + kind + " answer cannot be written", e);
        }
        if (key != null) {
            remember(key, status, body);
        }
        return new Answer(status, body);
    }

    /**
     * Claims the key for the request whose {@link #fingerprint} is {@code fingerprint}; when it was answered before,
     * within the retention, gives that answer back instead, or refuses when the earlier request was another one. A key
     * whose answer is older (not yet deleted) is claimed again, as a new request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Answer> claim(String key, String fingerprint) {
        Instant now = Instant.now();
        int claimed = em.createNativeQuery("INSERT INTO idempotent_request "
                        + "(request_key, status, body, created_at, request_fingerprint) "
                        + "VALUES (?1, 0, '', ?2, ?4) ON CONFLICT (request_key) DO UPDATE "
                        + "SET status = 0, body = '', created_at = excluded.created_at, "
                        + "request_fingerprint = excluded.request_fingerprint "
                        + "WHERE idempotent_request.created_at < ?3")
                .setParameter(1, key).setParameter(2, now).setParameter(3, retention.cutOff(now))
                .setParameter(4, fingerprint).executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT status, body, request_fingerprint FROM idempotent_request WHERE request_key = ?1")
                .setParameter(1, key).getResultList();
        Object[] row = rows.get(0);
        // answers kept before fingerprints were (null) replay as they always did
        if (row[2] != null && !row[2].equals(fingerprint)) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "this Idempotency-Key was already used for a different request; send a new key for a new request");
        }
        return Optional.of(new Answer(((Number) row[0]).intValue(), (String) row[1]));
    }

    /**
     * A request that runs in many transactions (a bulk waiver): its {@code runId} tags what it changes, so a retry
     * after a crash goes on with the same run, and its {@code answer} when it was answered before.
     */
    public record LongRequest(String key, UUID runId, Answer answer) {
    }

    /**
     * Begins (or, with the same key, resumes) a long request of {@code kind} by the caller, in a transaction of its own
     * that commits at once: a new key is claimed and keeps the run's id (status 0) until {@link #finish} replaces it
     * with the answer; a retry finds the answer, or, when the first run never finished (a crash, or it is still
     * going), its run id to go on with; another request with the same key is refused (422), as in {@link #once}.
     * Without a key, a new run.
     */
    public LongRequest begin(String kind, String idempotencyKey, Object request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return new LongRequest(null, UUID.randomUUID(), null);
        }
        String key = kind + "|" + scope.userName() + "|" + idempotencyKey.strip();
        String fingerprint = fingerprint(request);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Answer> earlier = claim(key, fingerprint);
            if (earlier.isPresent() && earlier.get().status() != 0) {
                return new LongRequest(key, null, earlier.get());
            }
            if (earlier.isPresent() && !earlier.get().body().isBlank()) {
                return new LongRequest(key, UUID.fromString(earlier.get().body()), null);
            }
            UUID runId = UUID.randomUUID();
            em.createNativeQuery("UPDATE idempotent_request SET body = ?2 WHERE request_key = ?1 AND status = 0")
                    .setParameter(1, key).setParameter(2, runId.toString()).executeUpdate();
            return new LongRequest(key, runId, null);
        });
    }

    /** The long request's answer, kept for its retries (in a transaction of its own); none without a key. */
    public Answer finish(LongRequest request, int status, Object view) {
        String body;
        try {
            body = json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer cannot be written", e);
        }
        if (request.key() != null) {
            QuarkusTransaction.requiringNew().run(() -> remember(request.key(), status, body));
        }
        return new Answer(status, body);
    }

    /** What makes two requests the same: the SHA-256 of the request as JSON, field by field. */
    String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the request cannot be written for its Idempotency-Key", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String key, int status, String body) {
        em.createNativeQuery("UPDATE idempotent_request SET status = ?2, body = ?3 WHERE request_key = ?1")
                .setParameter(1, key).setParameter(2, status).setParameter(3, body).executeUpdate();
    }
}
