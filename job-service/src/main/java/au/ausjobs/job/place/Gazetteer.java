package au.ausjobs.job.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import au.ausjobs.platform.web.ApiException;

/**
 * Every Australian locality with its postcode, state and coordinates (gazetteer/au-localities.csv, 18,094 rows), in
 * memory. It tells whether a suburb lies in a postcode, and where a suburb, a postcode or "lat,lon" is.
 */
@Component
public class Gazetteer {

    /** A locality, or the middle of a postcode's localities. */
    public record Place(String name, String state, String postcode, double lat, double lon) {
    }

    private static final Pattern COORDINATES = Pattern.compile("\\s*(-?\\d{1,2}(?:\\.\\d+)?)\\s*,\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*");
    private static final Pattern WITH_STATE = Pattern.compile("(.+?)[\\s,]+(NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\\s*", Pattern.CASE_INSENSITIVE);

    private final Map<String, List<Place>> byPostcode = new HashMap<>();
    private final Map<String, List<Place>> byName = new HashMap<>();

    public Gazetteer() {
        ClassPathResource csv = new ClassPathResource("gazetteer/au-localities.csv");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",", -1);
                Place place = new Place(f[1], f[2], f[0], Double.parseDouble(f[3]), Double.parseDouble(f[4]));
                byPostcode.computeIfAbsent(f[0], k -> new ArrayList<>()).add(place);
                byName.computeIfAbsent(key(f[1]), k -> new ArrayList<>()).add(place);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer", e);
        }
    }

    /** Every locality, for suggestions. */
    public java.util.stream.Stream<Place> all() {
        return byPostcode.values().stream().flatMap(List::stream);
    }

    public int size() {
        return byName.values().stream().mapToInt(List::size).sum();
    }

    /** The locality of that name in that postcode (any case), if there is one. */
    public Optional<Place> locality(String suburb, String postcode) {
        return byPostcode.getOrDefault(postcode, List.of()).stream().filter(p -> key(p.name()).equals(key(suburb))).findFirst();
    }

    /** The localities of a postcode, to suggest when a suburb does not match it. */
    public List<String> localitiesOf(String postcode) {
        return byPostcode.getOrDefault(postcode, List.of()).stream().map(Place::name).toList();
    }

    /**
     * Where a person means: a postcode ("2150"), a suburb ("Parramatta", or "Richmond VIC" when the name is in several
     * states) or coordinates ("-33.81,151.00"). A place that cannot be found, or a name in several states without one,
     * is a 400 problem that says what to write instead.
     */
    public Place resolve(String near) {
        String text = near.trim();
        Matcher coordinates = COORDINATES.matcher(text);
        if (coordinates.matches()) {
            double lat = Double.parseDouble(coordinates.group(1));
            double lon = Double.parseDouble(coordinates.group(2));
            if (lat < -45 || lat > -9 || lon < 112 || lon > 155) {
                throw badPlace("Those coordinates are not in Australia");
            }
            return new Place(text, null, null, lat, lon);
        }
        if (text.matches("\\d{4}")) {
            List<Place> places = byPostcode.get(text);
            if (places == null) {
                throw badPlace("There is no postcode " + text);
            }
            double lat = places.stream().mapToDouble(Place::lat).average().orElseThrow();
            double lon = places.stream().mapToDouble(Place::lon).average().orElseThrow();
            return new Place(text, places.get(0).state(), text, lat, lon);
        }
        String state = null;
        Matcher withState = WITH_STATE.matcher(text);
        if (withState.matches()) {
            text = withState.group(1);
            state = withState.group(2).toUpperCase(Locale.ROOT);
        }
        String wanted = state;
        List<Place> named = byName.getOrDefault(key(text), List.of()).stream()
            .filter(p -> wanted == null || p.state().equals(wanted)).toList();
        if (named.isEmpty()) {
            throw badPlace("No suburb called '" + text + "'" + (state == null ? "" : " in " + state)
                + "; try its postcode");
        }
        TreeSet<String> states = new TreeSet<>(named.stream().map(Place::state).toList());
        if (states.size() > 1) {
            throw badPlace("There is a " + named.get(0).name() + " in " + String.join(", ", states)
                + "; add the state, e.g. '" + named.get(0).name() + " " + states.first() + "'");
        }
        return named.get(0);
    }

    /** The great-circle distance in kilometres. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    private static ApiException badPlace(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "unknown-place", "Unknown place", detail);
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
