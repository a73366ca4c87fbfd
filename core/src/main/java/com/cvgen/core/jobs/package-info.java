/**
 * Reading job profiles: a PDF, a JSON job (JSON Resume job schema) or a text posting in English,
 * German or French becomes a {@link com.cvgen.core.model.JobProfile} with normalised requirements
 * (required and preferred skills by the skills vocabulary's canonical names, years of experience,
 * education level, languages with CEFR levels). Entry point: {@link
 * com.cvgen.core.jobs.JobProfileReader}.
 */
package com.cvgen.core.jobs;
