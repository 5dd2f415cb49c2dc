package dev.lookback.vocabulary;

/**
 * What the review could say of its sample's draw: verified against the draw's certificate (the frame is the
 * certified file and the published seed re-derives the sample), not verifiable (no certificate was found), or not
 * checked because the user said so. A certificate that the frame or the sample contradicts stops the review.
 */
public enum DrawStatus implements Term {
    VERIFIED,
    NO_CERTIFICATE,
    NOT_CHECKED;

    /** As the manifest records it: the constant's name. */
    @Override
    public String label() {
        return name();
    }
}
