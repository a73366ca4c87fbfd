package com.cvgen.core.model;

/** Education levels in ascending order, so that a higher level meets a lower requirement. */
public enum EducationLevel {
  SECONDARY, VOCATIONAL, ASSOCIATE, BACHELOR, MASTER, DOCTORATE;

  public boolean meets(EducationLevel required) {
    return required == null || compareTo(required) >= 0;
  }
}
