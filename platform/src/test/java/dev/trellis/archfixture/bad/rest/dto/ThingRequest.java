package dev.trellis.archfixture.bad.rest.dto;

public record ThingRequest(String name) {
}
