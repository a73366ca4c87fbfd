package com.cvgen.core.text;

public record DateMatch(String start, String end, boolean ongoing, int from, int to) {}
