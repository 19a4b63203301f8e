import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, IdParam, RequireRole } from '@app/common';
import { MatterSuggestionsView } from './matter-suggestion.view';
import { MatterSuggestionsService } from './matter-suggestions.service';

@ApiTags('line items')
@ApiBearerAuth()
@Controller('api/v1/line-items')
export class MatterSuggestionsController {
  constructor(private readonly suggestions: MatterSuggestionsService) {}

  @Get(':id/suggestions')
  @RequireRole('viewer')
  @ApiOperation({
    summary: "A law firm's item that needs a matter: the likely matters, best first",
  })
  @ApiErrors(
    400,
    401,
    [404, 'No line item has this id.'],
    [
      409,
      "The item is not of a law firm with matters, or does not need a matter (its reason), or its plan's codes name no matter.",
    ],
  )
  @ApiOkResponse({ type: MatterSuggestionsView })
  suggest(@Param() { id }: IdParam): Promise<MatterSuggestionsView> {
    return this.suggestions.suggest(id);
  }
}
