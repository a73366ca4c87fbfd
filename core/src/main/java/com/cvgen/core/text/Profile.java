package com.cvgen.core.text;

public record Profile(String network, String username, String url) {}
