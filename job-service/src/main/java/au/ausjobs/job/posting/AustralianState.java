package au.ausjobs.job.posting;

/** The states and territories, with the postcode ranges Australia Post assigns to each. */
public enum AustralianState {
    NSW(new int[][] { { 1000, 2599 }, { 2619, 2899 }, { 2921, 2999 } }),
    ACT(new int[][] { { 200, 299 }, { 2600, 2618 }, { 2900, 2920 } }),
    VIC(new int[][] { { 3000, 3999 }, { 8000, 8999 } }),
    QLD(new int[][] { { 4000, 4999 }, { 9000, 9999 } }),
    SA(new int[][] { { 5000, 5999 } }),
    WA(new int[][] { { 6000, 6999 } }),
    TAS(new int[][] { { 7000, 7999 } }),
    NT(new int[][] { { 800, 999 } });

    private final int[][] postcodes;

    AustralianState(int[][] postcodes) {
        this.postcodes = postcodes;
    }

    /** Whether a four-digit postcode belongs to this state or territory. */
    public boolean hasPostcode(String postcode) {
        if (postcode == null || !postcode.matches("\\d{4}")) {
            return false;
        }
        int value = Integer.parseInt(postcode);
        for (int[] range : postcodes) {
            if (value >= range[0] && value <= range[1]) {
                return true;
            }
        }
        return false;
    }
}
