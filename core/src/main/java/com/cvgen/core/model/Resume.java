package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A CV in the JSON Resume schema. Lists are never null (empty lists are omitted in JSON). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"basics", "work", "volunteer", "education", "awards", "certificates", "publications",
    "skills", "languages", "interests", "references", "projects", "meta"})
public record Resume(
    Basics basics,
    List<Work> work,
    List<Volunteer> volunteer,
    List<Education> education,
    List<Award> awards,
    List<Certificate> certificates,
    List<Publication> publications,
    List<Skill> skills,
    List<Language> languages,
    List<Interest> interests,
    List<Reference> references,
    List<Project> projects,
    Meta meta) {

  public Resume {
    basics = basics == null ? Basics.EMPTY : basics;
    work = Lists.copy(work);
    volunteer = Lists.copy(volunteer);
    education = Lists.copy(education);
    awards = Lists.copy(awards);
    certificates = Lists.copy(certificates);
    publications = Lists.copy(publications);
    skills = Lists.copy(skills);
    languages = Lists.copy(languages);
    interests = Lists.copy(interests);
    references = Lists.copy(references);
    projects = Lists.copy(projects);
  }

  public Resume withMeta(Meta newMeta) {
    return new Resume(basics, work, volunteer, education, awards, certificates, publications, skills,
        languages, interests, references, projects, newMeta);
  }
}
