package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Basics(
    String name,
    String label,
    String image,
    String email,
    String phone,
    String url,
    String summary,
    Location location,
    List<Profile> profiles) {

  public static final Basics EMPTY = new Basics(null, null, null, null, null, null, null, null, List.of());

  public Basics {
    profiles = Lists.copy(profiles);
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Location(String address, String postalCode, String city, String countryCode, String region) {
    /** The location as one line, e.g. "Zürich, CH". */
    public String display() {
      StringBuilder sb = new StringBuilder();
      for (String part : new String[] {address, postalCode == null ? city : postalCode + " " + city, region, countryCode}) {
        if (part != null && !part.isBlank()) {
          if (!sb.isEmpty()) sb.append(", ");
          sb.append(part.strip());
        }
      }
      return sb.toString();
    }
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Profile(String network, String username, String url) {}
}
