package org.lrms.circulation.notice;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Hands pending notices to the mail server one at a time, and counts each as e-mailed as soon as the server took it.
 * The first notice the server does not take ends the run: the ones before it stay e-mailed (they went out, and are
 * never sent twice), that one and the rest stay pending for the next run. Notices without an address are left for
 * the printed slips.
 */
final class NoticeMailing {

    /** Sends one notice's mail; throws when the mail server does not take it. */
    interface Post {
        void send(NoticeView notice);
    }

    /** What a run did: mails the server took, and the cause that stopped it ({@code null} when none did). */
    record Outcome(int sent, int left, RuntimeException stoppedBy) {
    }

    private NoticeMailing() {
    }

    static Outcome send(List<NoticeView> pending, Post post, Consumer<UUID> markEmailed) {
        List<NoticeView> withAddress = pending.stream().filter(n -> n.email() != null && !n.email().isBlank()).toList();
        int sent = 0;
        for (NoticeView notice : withAddress) {
            try {
                post.send(notice);
            } catch (RuntimeException e) {
                return new Outcome(sent, withAddress.size() - sent, e);
            }
            markEmailed.accept(notice.id());
            sent++;
        }
        return new Outcome(sent, 0, null);
    }
}
