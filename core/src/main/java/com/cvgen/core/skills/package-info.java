/**
 * The skills vocabulary: canonical skill names, their aliases and spellings in English, German and
 * French, and categories, with whole-term matching in free text ({@link
 * com.cvgen.core.skills.SkillVocabulary}). Job profiles and CVs are compared by these canonical names.
 */
package com.cvgen.core.skills;
